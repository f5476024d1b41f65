// Field builders. `kind` says how the typed text becomes JSON (see convert
// in input.js). Every box is text: a number or date box of the browser's
// own would report what the plan cannot take as empty (see dates.js).

import { button, display, h, options, uid, vh } from './dom.js';
import { state, valueAt } from './state.js';

export function hintEl(text, id) {
  return text ? h('p', { class: 'hint', id }, text) : null;
}

export function textControl(path, opts = {}) {
  const value = valueAt(path);
  const multiline = opts.multiline || (typeof value === 'string' && value.includes('\n'));
  const attrs = {
    id: opts.id || uid(),
    'data-path': path,
    'data-kind': opts.kind || 'str',
    placeholder: opts.placeholder,
    spellcheck: opts.spellcheck === false ? 'false' : null,
    'aria-describedby': opts.describedBy,
    class: opts.class,
    inputmode: opts.inputmode,
  };
  const el = multiline
    ? h('textarea', { ...attrs, rows: opts.rows || 2 })
    : h('input', { ...attrs, type: 'text' });
  el.value = display(value);
  return el;
}

export function textField(path, label, opts = {}) {
  const id = uid();
  const hintId = opts.hint ? uid('h') : null;
  return h('div', { class: `field${opts.inline ? ' inline' : ''}` },
    h('label', { for: id }, label),
    textControl(path, { ...opts, id, describedBy: hintId }),
    hintEl(opts.hint, hintId));
}

export function selectField(path, label, list, opts = {}) {
  const id = uid();
  const current = valueAt(path) ?? opts.fallback ?? null;
  const hintId = opts.hint ? uid('h') : null;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', {
      id, 'data-path': path, 'data-kind': opts.kind || 'opt', 'data-rerender': opts.rerender,
      'aria-describedby': hintId,
    }, options(list, current)),
    hintEl(opts.hint, hintId));
}

export function checkField(path, label, opts = {}) {
  const id = uid();
  return h('div', { class: 'field check' },
    h('input', { type: 'checkbox', id, 'data-path': path, 'data-kind': 'bool', checked: valueAt(path) === true }),
    h('label', { for: id }, label),
    opts.hint ? h('span', { class: 'hint' }, ` — ${opts.hint}`) : null);
}

// Up / down / delete for an item of any array. The buttons name their item
// with `data-item`, not `data-path`, so that a path selects only its control.
export function itemButtons(itemPath, index, count, noun) {
  return h('span', { class: 'item-actions', role: 'group', 'aria-label': `Sắp xếp ${noun}` },
    button('Lên', { 'data-action': 'item-up', 'data-item': itemPath, disabled: index === 0, 'aria-label': `Chuyển ${noun} lên` }),
    button('Xuống', { 'data-action': 'item-down', 'data-item': itemPath, disabled: index === count - 1, 'aria-label': `Chuyển ${noun} xuống` }),
    button('Xóa', { 'data-action': 'item-delete', 'data-item': itemPath, class: 'danger', 'aria-label': `Xóa ${noun}` }));
}

export function addButton(text, arrPath, kind, extra = {}) {
  return button(text, { 'data-action': 'add', 'data-item': arrPath, 'data-kind': kind, class: 'add', ...extra });
}

// A collapsible top-level part of the form, remembered across re-renders.
export function group(id, title, children, { open = true, box } = {}) {
  const isOpen = state.groupOpen.has(id) ? state.groupOpen.get(id) : open;
  const el = h('details', { class: 'group', id, open: isOpen, 'data-box': box },
    h('summary', {}, h('h2', {}, title)),
    h('div', { class: 'group-body' }, children));
  el.addEventListener('toggle', () => state.groupOpen.set(id, el.open));
  return el;
}

// A list of plain strings (recipients, căn cứ), one control each.
export function stringList(arrPath, legend, opts) {
  const list = valueAt(arrPath);
  const items = Array.isArray(list) ? list : [];
  const hintId = opts.hint ? uid('h') : null;
  return h('fieldset', { class: 'list-editor', 'data-box': arrPath, 'aria-describedby': hintId },
    h('legend', {}, legend),
    hintEl(opts.hint, hintId),
    h('ol', { class: 'items' }, items.map((_, i) => {
      const path = `${arrPath}[${i}]`;
      const id = uid();
      return h('li', { class: 'item-row' },
        h('label', { for: id }, vh(`${legend} `), `${i + 1}.`),
        textControl(path, { id, multiline: opts.multiline }),
        itemButtons(path, i, items.length, `${opts.noun} ${i + 1}`));
    })),
    addButton(opts.add, arrPath, 'string'));
}
