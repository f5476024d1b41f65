// Changes to the plan as a whole: every edit's aftermath (recorded for
// "Hoàn tác" and autosaved, then a preview after a pause), a new plan, the
// structural edits and "Hoàn tác" itself.

import { form, formPane, status } from './dom.js';
import { TEMPLATES } from './vocab.js';
import { formatPath, getAt, parsePath, setAt, state, valueAt } from './state.js';
import { commit, replaced, stepBack } from './history.js';
import { canOutdent } from './tree.js';
import { cssq, focusPath, renderFindings } from './findings.js';
import { renderForm } from './form.js';
import { schedulePreview } from './preview.js';
import { clearEntries } from './entries.js';

function swapItems(arr, i, j) {
  [arr[i], arr[j]] = [arr[j], arr[i]];
}

// The array at `keys`, created when missing.
function ensureArray(keys) {
  const owner = getAt(state.plan, keys.slice(0, -1));
  const key = keys[keys.length - 1];
  if (owner == null || typeof owner !== 'object') return null;
  if (!Array.isArray(owner[key])) owner[key] = [];
  return owner[key];
}

// `item` path → its array, index and the array's path.
function locate(path) {
  const keys = parsePath(path);
  const index = keys[keys.length - 1];
  const arrKeys = keys.slice(0, -1);
  const arr = getAt(state.plan, arrKeys);
  return { keys, index, arrKeys, arr: Array.isArray(arr) ? arr : null, arrPath: formatPath(arrKeys) };
}

function addTo(arrPath, item) {
  const arr = ensureArray(parsePath(arrPath));
  if (!arr) return null;
  arr.push(item);
  return { focus: { path: `${arrPath}[${arr.length - 1}]` } };
}

function moveItem(path, delta, action) {
  const { index, arr, arrPath } = locate(path);
  const j = index + delta;
  if (!arr || j < 0 || j >= arr.length) return null;
  swapItems(arr, index, j);
  return { focus: { path: `${arrPath}[${j}]`, action, attr: action === 'up' || action === 'down' ? 'data-path' : 'data-item' } };
}

function deleteItem(path) {
  const { index, arr, arrPath } = locate(path);
  if (!arr) return null;
  arr.splice(index, 1);
  // Focus moves to the next item's text, not its delete button: a second
  // Enter must not delete again.
  const next = arr.length === 0 ? null : `${arrPath}[${Math.min(index, arr.length - 1)}]`;
  return { focus: next ? { path: next } : { add: arrPath, path: arrPath } };
}

function indentSection(path) {
  const { index, arr, arrPath } = locate(path);
  if (!arr || index === 0) return null;
  const prev = arr[index - 1];
  if (!prev || typeof prev !== 'object') return null;
  const [item] = arr.splice(index, 1);
  const kids = ensureArray([...parsePath(arrPath), index - 1, 'sections']);
  kids.push(item);
  return { focus: { path: `${arrPath}[${index - 1}].sections[${kids.length - 1}]`, action: 'indent', attr: 'data-path' } };
}

function outdentSection(path) {
  if (!canOutdent(path)) return null;
  const { index, arr, arrKeys } = locate(path);
  const parentKeys = arrKeys.slice(0, -1);
  const parentIndex = parentKeys[parentKeys.length - 1];
  const grandKeys = parentKeys.slice(0, -1);
  const grand = getAt(state.plan, grandKeys);
  const [item] = arr.splice(index, 1);
  grand.splice(parentIndex + 1, 0, item);
  return { focus: { path: `${formatPath(grandKeys)}[${parentIndex + 1}]`, action: 'outdent', attr: 'data-path' } };
}

// Table columns carry their cells along in every row.
function tableRows(table) {
  return [...(Array.isArray(table.rows) ? table.rows : []), ...(Array.isArray(table.header_rows) ? table.header_rows : [])]
    .filter(Array.isArray);
}

function columnOp(path, op) {
  const { index, arr, arrKeys } = locate(path);
  const table = getAt(state.plan, arrKeys.slice(0, -1));
  if (!arr || !table) return null;
  if (op === 'delete') {
    arr.splice(index, 1);
    for (const row of tableRows(table)) if (index < row.length) row.splice(index, 1);
    const next = arr.length ? `${formatPath(arrKeys)}[${Math.min(index, arr.length - 1)}].title` : null;
    return { focus: next ? { path: next } : { add: formatPath(arrKeys.slice(0, -1)), action: 'col-add' } };
  }
  const j = op === 'left' ? index - 1 : index + 1;
  if (j < 0 || j >= arr.length) return null;
  swapItems(arr, index, j);
  for (const row of tableRows(table)) {
    while (row.length <= Math.max(index, j)) row.push('');
    swapItems(row, index, j);
  }
  return { focus: { path: `${formatPath(arrKeys)}[${j}]`, action: `col-${op}`, attr: 'data-item' } };
}

function addColumn(tablePath) {
  const table = valueAt(tablePath);
  if (!table || typeof table !== 'object') return null;
  const columns = ensureArray([...parsePath(tablePath), 'columns']);
  const n = columns.length;
  columns.push({ title: '' });
  for (const row of tableRows(table)) while (row.length < n + 1) row.push('');
  return { focus: { path: `${tablePath}.columns[${n}].title` } };
}

function addRow(arrPath, numbered) {
  const keys = parsePath(arrPath);
  const table = getAt(state.plan, keys.slice(0, -1));
  const n = Math.max(1, (table && Array.isArray(table.columns) ? table.columns.length : 0));
  const rows = ensureArray(keys);
  if (!rows) return null;
  const row = Array.from({ length: n }, (_, c) => (numbered ? `(${c + 1})` : ''));
  // A running number in an STT/TT first column saves the user a keystroke.
  const first = table.columns && table.columns[0] && String(table.columns[0].title || '').trim().toUpperCase();
  if (!numbered && keys[keys.length - 1] === 'rows' && (first === 'STT' || first === 'TT')) row[0] = String(rows.length + 1);
  rows.push(row);
  return { focus: { path: `${arrPath}[${rows.length - 1}][${numbered ? 0 : Math.min(1, n - 1)}]` } };
}

const SECTION_ADDERS = {
  'add-paragraph': 'paragraph', 'add-list': 'list', 'add-task': 'task', 'add-table': 'table', 'add-task-table': 'task_table',
};

// Runs a structural action named by a button; returns false when none applies.
export function runAction(btn) {
  const action = btn.dataset.action;
  const path = btn.dataset.path;
  const item = btn.dataset.item;
  let result = null;
  if (SECTION_ADDERS[action]) result = addTo(`${path}.content`, TEMPLATES[SECTION_ADDERS[action]]());
  else if (action === 'add-subsection') result = addTo(`${path}.sections`, TEMPLATES.section());
  else if (action === 'add-section') result = addTo('sections', TEMPLATES.section());
  else if (action === 'add-appendix-section') result = addTo(`${path}.sections`, TEMPLATES.section());
  else if (action === 'up' || action === 'down') result = moveItem(path, action === 'up' ? -1 : 1, action);
  else if (action === 'delete') result = deleteItem(path);
  else if (action === 'indent') result = indentSection(path);
  else if (action === 'outdent') result = outdentSection(path);
  else if (action === 'item-up' || action === 'item-down') result = moveItem(item, action === 'item-up' ? -1 : 1, action);
  else if (action === 'item-delete') result = deleteItem(item);
  else if (action === 'add') result = addTo(item, TEMPLATES[btn.dataset.kind]());
  else if (action === 'col-left' || action === 'col-right' || action === 'col-delete') result = columnOp(item, action.slice(4));
  else if (action === 'col-add') result = addColumn(item);
  else if (action === 'row-add') result = addRow(item, btn.dataset.kind === 'numbered');
  else return false;
  if (!result) return true;
  structuralChange(result.focus);
  if (action === 'delete' || action === 'item-delete' || action === 'col-delete') status('Đã xóa. Bấm "Hoàn tác" nếu muốn lấy lại.');
  return true;
}

export function structuralChange(focus) {
  renderForm();
  changed();
  if (focus) restoreFocus(focus);
}

function restoreFocus({ path, action, attr, add }) {
  let el = null;
  if (action && path) {
    // The same button again (to press repeatedly), or, when the item has
    // reached an end and it is disabled, a neighbour in the same group.
    const same = form.querySelector(`[data-action="${action}"][${attr || 'data-item'}="${cssq(path)}"]`);
    el = same && (same.disabled ? same.parentElement.querySelector('button:not(:disabled)') : same);
  }
  if (!el && add) el = form.querySelector(`[data-item="${cssq(add)}"][data-action="${action || 'add'}"]`) || form.querySelector(`[data-item="${cssq(add)}"]`);
  if (el) { el.focus(); return; }
  if (path) focusPath(path);
}

export function undo() {
  if (!stepBack()) return;
  clearEntries();
  renderForm();
  renderFindings();
  state.editSeq++;
  schedulePreview();
  status('Đã hoàn tác thao tác vừa rồi.');
}

export function applyFix(f) {
  const keys = parsePath(f.path);
  const old = getAt(state.plan, keys);
  if (old != null && typeof old !== 'string') return;
  setAt(state.plan, keys, f.fix);
  state.findings = (state.findings || []).filter((x) => x !== f);
  renderForm();
  renderFindings();
  changed();
  focusPath(f.path);
  status(`Đã sửa: ${f.message}`);
}

// Every change: recorded and autosaved, then a preview after a pause.
// `key`: the field typed into (see history.js).
export function changed(key = null) {
  state.editSeq++;
  commit(key);
  schedulePreview();
}

// Replaces the plan (new, sample, file, rollover, fix). The previous one
// stays one "Hoàn tác" away. `dirty`: the new plan is in no file yet;
// `parked`: what the form keeps aside for it (the same plan, fixed).
export function setPlan(plan, { name = null, undoable = true, dirty = false, parked = {} } = {}) {
  state.plan = plan;
  state.name = name;
  state.parked = parked;
  state.findings = null; // unknown until the first preview of this plan
  state.loadError = null;
  state.reviewFlags = [];
  clearEntries();
  renderForm();
  renderFindings();
  formPane.scrollTop = 0;
  state.editSeq++;
  replaced({ undoable, dirty });
  schedulePreview();
}
