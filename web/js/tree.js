// The body tree of mục, khoản and điểm: one editor for the body and for the
// sections of each phụ lục, numbered as the document prints them.

import { button, h, options, uid } from './dom.js';
import { LEVEL_NOUN } from './vocab.js';
import { parsePath, state, valueAt } from './state.js';
import { checkField, itemButtons, textField } from './fields.js';
import { blockList } from './blocks.js';

function roman(n) {
  const table = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

// Vietnamese điểm letters: no f, j, w, z; đ after d; doubled past y.
const LETTERS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');
function letter(n) {
  return LETTERS[(n - 1) % LETTERS.length].repeat(Math.floor((n - 1) / LETTERS.length) + 1);
}

function sectionNumber(positions) {
  const style = state.plan.numbering === 'decimal' ? 'decimal' : 'letter';
  if (positions.length === 1) return `${roman(positions[0])}.`;
  if (positions.length === 2) return `${positions[1]}.`;
  if (style === 'letter') return positions.length === 3 ? `${letter(positions[2])})` : '-';
  return positions.slice(1).map((n) => `${n}.`).join('');
}

function appendixLabel(appendix, index, count) {
  if (appendix && typeof appendix.label === 'string' && appendix.label.trim()) return appendix.label;
  return count === 1 ? 'PHỤ LỤC' : `Phụ lục ${roman(index + 1)}`;
}

export function appendixEditor(appendix, index, count) {
  const path = `appendices[${index}]`;
  const label = appendixLabel(appendix, index, count);
  const summaryText = h('span', { class: 'sec-title' });
  const refresh = () => {
    const a = valueAt(path) || {};
    summaryText.textContent = `${appendixLabel(a, index, count)} — ${a.title || '(chưa có tên)'}`;
  };
  refresh();
  state.afterInput.set(`${path}.title`, refresh);
  state.afterInput.set(`${path}.label`, refresh);
  const el = h('details', { class: 'appendix', 'data-box': path, open: !state.collapsed.has(appendix) },
    h('summary', {}, summaryText),
    h('div', { class: 'section-body' },
      h('div', { class: 'sec-actions' }, itemButtons(path, index, count, label)),
      h('div', { class: 'grid2' },
        textField(`${path}.label`, 'Nhãn', { kind: 'opt', placeholder: label, hint: 'Bỏ trống để dùng "Phụ lục I", "Phụ lục II" …' }),
        referenceField(path, appendix)),
      textField(`${path}.title`, 'Tên phụ lục', { multiline: true, rows: 2, hint: 'Chữ in hoa.' }),
      textField(`${path}.subtitle`, 'Dòng dưới tên', { kind: 'opt' }),
      checkField(`${path}.landscape`, 'In trên trang nằm ngang'),
      blockList(`${path}.content`, (appendix && appendix.content) || [], {
        legend: 'Nội dung phụ lục', adders: ['paragraph', 'list', 'task', 'table', 'task_table'],
      }),
      h('div', { class: 'subsections' },
        h('h3', { class: 'sub-heading' }, 'Các mục của phụ lục'),
        sectionList(`${path}.sections`, (appendix && Array.isArray(appendix.sections)) ? appendix.sections : [], []),
        button('Thêm mục vào phụ lục', { 'data-action': 'add-appendix-section', 'data-path': path, class: 'add' }))));
  watchCollapse(el, appendix);
  return el;
}

// "Kèm theo Kế hoạch số …": default (absent), a text of one's own, or none (false).
function referenceField(path, appendix) {
  const value = appendix ? appendix.reference : undefined;
  const mode = typeof value === 'string' ? 'custom' : value === false ? 'none' : 'default';
  const modeId = uid();
  const refPath = `${path}.reference`;
  const text = textField(refPath, 'Dòng kèm theo tự viết', { kind: 'str', placeholder: '(Kèm theo Kế hoạch số …)' });
  text.hidden = mode !== 'custom';
  return h('div', { class: 'field', 'data-box': refPath },
    h('label', { for: modeId }, 'Dòng "Kèm theo Kế hoạch …"'),
    h('select', { id: modeId, 'data-control': 'ref-mode', 'data-item': refPath },
      options([['default', 'Chương trình tự điền'], ['custom', 'Tự viết'], ['none', 'Không in']], mode)),
    text);
}

// Sections: a tree, the same editor for the body and for appendices.

export function sectionList(arrPath, sections, parentPositions) {
  return h('div', { class: 'sections', 'data-box': sections.length ? null : arrPath },
    sections.map((s, i) => sectionEditor(`${arrPath}[${i}]`, s, [...parentPositions, i + 1], sections.length)));
}

export function canOutdent(path) {
  const keys = parsePath(path);
  const parentKeys = keys.slice(0, -2);
  return keys.length >= 4 && keys[keys.length - 2] === 'sections' &&
    typeof parentKeys[parentKeys.length - 1] === 'number' && parentKeys[parentKeys.length - 2] === 'sections';
}

function sectionEditor(path, section, positions, count) {
  const sec = section && typeof section === 'object' ? section : {};
  const index = positions[positions.length - 1] - 1;
  const depth = positions.length;
  const noun = LEVEL_NOUN[depth - 1] || 'Ý';
  const numEl = h('span', { class: 'sec-num' });
  const titleEl = h('span', { class: 'sec-title' });
  const refresh = () => {
    const s = valueAt(path) || {};
    const num = typeof s.number === 'string' && s.number.trim() ? s.number : sectionNumber(positions);
    numEl.textContent = `${noun} ${num}`;
    titleEl.textContent = s.title ? ` ${s.title}` : ' (không có tên)';
  };
  refresh();
  state.afterInput.set(`${path}.title`, refresh);
  state.afterInput.set(`${path}.number`, refresh);
  const label = () => `${noun.toLowerCase()} ${numEl.textContent.slice(noun.length + 1)}`;
  const act = (text, action, extra = {}) =>
    button(text, { 'data-action': action, 'data-path': path, 'aria-label': `${extra.aria || text} (${label()})`, ...extra.attrs });

  const children = Array.isArray(sec.sections) ? sec.sections : [];
  const after = Array.isArray(sec.after) ? sec.after : [];
  const el = h('details', { class: `section depth-${Math.min(depth, 4)}`, 'data-box': path, open: !state.collapsed.has(section) },
    h('summary', {}, numEl, titleEl),
    h('div', { class: 'section-body' },
      h('div', { class: 'sec-actions', role: 'group', 'aria-label': `Sắp xếp ${label()}` },
        act('Lên', 'up', { aria: 'Chuyển lên', attrs: { disabled: index === 0 } }),
        act('Xuống', 'down', { aria: 'Chuyển xuống', attrs: { disabled: index === count - 1 } }),
        act('Thụt vào', 'indent', { aria: 'Thụt vào thành mục con của mục trên', attrs: { disabled: index === 0 } }),
        act('Lùi ra', 'outdent', { aria: 'Lùi ra ngang cấp mục cha', attrs: { disabled: !canOutdent(path) } }),
        act('Xóa', 'delete', { aria: 'Xóa', attrs: { class: 'danger' } })),
      textField(`${path}.title`, `Tên ${noun.toLowerCase()}`, {
        kind: 'opt', multiline: true, rows: 1, class: 'sec-title-input',
        hint: depth === 1 ? 'Mục cấp 1 viết chữ in hoa.' : null,
      }),
      h('div', { class: 'row options' },
        checkField(`${path}.run_in`, 'Tên liền đoạn', { hint: 'in số và tên ở đầu đoạn đầu tiên' }),
        textField(`${path}.number`, 'Số giữ nguyên', { kind: 'opt', spellcheck: false, inline: true, placeholder: sectionNumber(positions) })),
      blockList(`${path}.content`, Array.isArray(sec.content) ? sec.content : [], { legend: 'Nội dung', section: path }),
      h('div', { class: 'subsections' },
        children.length ? sectionList(`${path}.sections`, children, positions) : null,
        act(`Thêm ${(LEVEL_NOUN[depth] || 'ý').toLowerCase()} con`, 'add-subsection', { attrs: { class: 'add' } })),
      after.length || children.length
        ? blockList(`${path}.after`, after, { legend: 'Đoạn sau các mục con', adders: ['paragraph'], compact: true })
        : null));
  watchCollapse(el, section);
  return el;
}

function watchCollapse(details, obj) {
  if (!obj || typeof obj !== 'object') return;
  details.addEventListener('toggle', () => {
    if (details.open) state.collapsed.delete(obj); else state.collapsed.add(obj);
  });
}
