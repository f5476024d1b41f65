// Typing: the control's text becomes JSON at its path. Also the controls
// that reshape the form rather than hold a value, and the keyboard
// shortcuts of a paragraph.

import { form } from './dom.js';
import { TASK_LINES } from './vocab.js';
import { getAt, hasKey, parsePath, setAt, state, valueAt } from './state.js';
import { DATE_PLACEHOLDER, formatDate, parseDate } from './dates.js';
import { parseNumber, parseYear } from './numbers.js';
import { acceptEntry, rejectEntry } from './entries.js';
import { controlFor, renderFindings } from './findings.js';
import { renderForm } from './form.js';
import { changed, structuralChange } from './edits.js';
import { toggleDecision } from './decision.js';
import { endEdit } from './history.js';

// Returns { value } to store, { error, partial } for text the plan cannot
// take (see entries.js), or null to leave the plan as it is.
function convert(el, current, owner, key) {
  const raw = el.value;
  const blank = raw.trim() === '';
  // An optional field emptied: null where the key was, nothing where it was not.
  const cleared = () => (hasKey(owner, key) ? { value: null } : null);
  switch (el.dataset.kind) {
    case 'opt':
      return blank ? cleared() : { value: raw };
    case 'number':
      return blank ? { value: null } : parseNumber(raw);
    case 'year':
      return blank ? cleared() : parseYear(raw);
    case 'bool':
      if (el.checked) return { value: true };
      return hasKey(owner, key) ? { value: false } : null;
    case 'units': {
      const lines = raw.split('\n').map((s) => s.trim()).filter(Boolean);
      if (!lines.length) return cleared();
      if (lines.length === 1 && !Array.isArray(current)) return { value: lines[0] };
      return { value: lines };
    }
    case 'width':
      if (blank) return cleared();
      return /^\d+(\.\d+)?$/.test(raw.trim()) ? { value: Number(raw.trim()) } : { value: raw.trim() };
    case 'date':
      return parseDate(raw, el.dataset.dateKind);
    case 'json':
      try {
        return { value: JSON.parse(raw) };
      } catch {
        return { error: 'Chưa phải JSON hợp lệ (thiếu dấu ngoặc, dấu phẩy hay dấu nháy?)', partial: true };
      }
    default:
      return { value: raw };
  }
}

export function onInput(event) {
  const el = event.target;
  if (el.dataset.control) return onControl(el, event);
  const path = el.dataset.path;
  if (!path || !el.matches('input, textarea, select')) return;
  const keys = parsePath(path);
  const owner = getAt(state.plan, keys.slice(0, -1));
  const key = keys[keys.length - 1];
  const result = convert(el, getAt(state.plan, keys), owner, key);
  if (!result) return;
  if (result.error) {
    // Leaving the field (change) shows what typing (input) may still fix.
    rejectEntry(path, el.value, result.error, result.partial && event.type === 'input');
    renderFindings();
    return;
  }
  if (acceptEntry(path)) renderFindings();
  const before = JSON.stringify(getAt(state.plan, keys));
  setAt(state.plan, keys, result.value);
  if (keys[0] === 'task_labels') pruneEmptyLabels();
  if (JSON.stringify(result.value) === before && event.type === 'change') return;
  const refresh = state.afterInput.get(path);
  if (refresh) refresh();
  if (el.dataset.rerender !== undefined) {
    // Numbers shown all over the form depend on this one.
    renderForm();
    const again = controlFor(path);
    if (again) again.focus();
  }
  // Typing into a box is one change per visit to the box (history.js).
  changed(el.matches('textarea, input[type="text"]') ? path : null);
}

// task_labels with every label cleared is dropped rather than left as {}.
function pruneEmptyLabels() {
  const labels = state.plan.task_labels;
  if (labels && typeof labels === 'object' && Object.values(labels).every((v) => v == null)) delete state.plan.task_labels;
}

// Controls that reshape the form rather than hold a value.
function onControl(el, event) {
  if (event.type !== 'change') return;
  if (el.dataset.control === 'date-mode') onDateModeChange(el);
  else if (el.dataset.control === 'ref-mode') onRefModeChange(el);
  else if (el.dataset.control === 'task-order') onTaskOrderToggle(el);
  else if (el.dataset.control === 'decision') toggleDecision(el.checked);
}

// Ctrl+B / Ctrl+I in a box whose text takes emphasis, as in a word
// processor. A section title wraps on screen but is one line: Enter there
// would put a break in it.
export function onKeydown(event) {
  const el = event.target;
  if (event.key === 'Enter' && el.classList.contains('sec-title-input')) {
    event.preventDefault();
    return;
  }
  if (!(event.ctrlKey || event.metaKey) || event.altKey || !el.matches(MARKUP_BOXES)) return;
  const kind = { b: 'bold', i: 'italic' }[event.key.toLowerCase()];
  if (!kind) return;
  event.preventDefault();
  wrapSelection(el, kind);
}

// The boxes whose text is a paragraph with inline markup: paragraphs, list
// items, the cells of a table's rows.
const MARKUP_BOXES = 'textarea.para, .cells tbody:not(.header-rows) textarea';

// The marks go round the selection without the spaces at its ends, which
// stay outside: a mark must touch the words it marks, or it prints as
// typed (`a * b` is not emphasis). The marks are a "Hoàn tác" step of
// their own, apart from the typing before and after them.
export function wrapSelection(ta, kind) {
  endEdit();
  const [open, close] = { bold: ['**', '**'], italic: ['*', '*'], note: ['^[', ']'] }[kind];
  const selected = ta.value.slice(ta.selectionStart, ta.selectionEnd);
  const start = ta.selectionStart + (selected.length - selected.trimStart().length);
  const words = selected.trim();
  const end = start + words.length;
  ta.focus();
  ta.setSelectionRange(start, end);
  // execCommand keeps the browser's own undo (Ctrl+Z) working in the field.
  const text = open + words + close;
  if (!document.execCommand('insertText', false, text)) {
    ta.setRangeText(text, start, end, 'end');
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }
  endEdit();
  // Leave the caret (or the selection) inside the marks, ready to type.
  ta.setSelectionRange(start + open.length, start + open.length + words.length);
}

// Switching the kind of date keeps what is known: narrowing cuts the value,
// widening fills the first day or month so the user only corrects it. Text
// the plan did not take is dropped: the box shows the plan's date again.
function onDateModeChange(select) {
  const old = valueAt('date');
  const mode = select.value;
  const today = new Date();
  const y = (typeof old === 'string' && old.slice(0, 4)) || String(valueAt('year') || today.getFullYear());
  const m = (typeof old === 'string' && old.slice(5, 7)) || String(today.getMonth() + 1).padStart(2, '0');
  const d = (typeof old === 'string' && old.slice(8, 10)) || '01';
  const next = { full: `${y}-${m}-${d}`, month: `${y}-${m}`, year: y, none: null, raw: old }[mode];
  state.plan.date = next;
  const input = form.querySelector('input[data-path="date"]');
  input.dataset.dateKind = mode;
  input.placeholder = DATE_PLACEHOLDER[mode];
  input.value = formatDate(next);
  input.closest('.date-input').hidden = mode === 'none';
  acceptEntry('date');
  renderFindings();
  state.afterInput.get('date')();
  changed();
  if (mode !== 'none') input.focus();
}

function onRefModeChange(select) {
  const keys = parsePath(select.dataset.item);
  const owner = getAt(state.plan, keys.slice(0, -1));
  if (!owner) return;
  const old = owner.reference;
  const next = select.value;
  if (next === 'default') delete owner.reference;
  else if (next === 'none') owner.reference = false;
  else owner.reference = typeof old === 'string' ? old : '';
  structuralChange({ path: select.dataset.item });
}

function onTaskOrderToggle(box) {
  if (box.checked) state.plan.task_order = [...TASK_LINES];
  else delete state.plan.task_order;
  structuralChange({ path: 'task_order' });
}
