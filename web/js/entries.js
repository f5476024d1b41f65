// Typed text the plan could not take: a date the calendar does not have, a
// Số that is no whole number, JSON that does not parse. The plan keeps its
// last good value, so the text must not look taken: it stays in its box,
// its reason is shown at the field and counted with check's findings
// (findings.js), the preview says it is behind, and nothing that sends the
// plan on — PDF, JSON, folder, next year's plan, automatic fixes — runs
// until the text is fixed or the plan replaced.

import { $, previewEl } from './dom.js';
import { state, valueAt } from './state.js';
import { controlFor } from './findings.js';

// The buttons whose result would silently lack the typed text.
const SENDS_PLAN = ['#download-pdf', '#download-docx', '#save-json', '#save-dir', '#autofix', '#rollover'];

// `partial`: the text may still become right as typing goes on, so its
// message waits until the user leaves the field; once shown it stays
// until the text is right.
export function rejectEntry(path, text, message, partial) {
  const old = state.invalid.get(path);
  state.invalid.set(path, {
    text,
    message,
    partial: partial && (!old || old.partial),
    kept: old ? old.kept : JSON.stringify(valueAt(path) ?? null),
  });
  syncExports();
}

// Returns whether the path had an entry.
export function acceptEntry(path) {
  const had = state.invalid.delete(path);
  if (had) syncExports();
  return had;
}

export function clearEntries() {
  state.invalid.clear();
  syncExports();
}

// After the form is drawn again, each box gets its typed text back while
// the plan still holds at its path what it held when the text was typed
// (a move or an undo may have put another item there) and the box is
// still shown.
export function restoreEntries() {
  for (const [path, entry] of state.invalid) {
    const el = controlFor(path);
    if (el && JSON.stringify(valueAt(path) ?? null) === entry.kept) el.value = entry.text;
    else state.invalid.delete(path);
  }
  syncExports();
}

export function syncExports() {
  const n = state.invalid.size;
  const reason = n ? `Còn ${n} ô nhập chưa đúng: sửa ô báo lỗi rồi mới xuất hoặc lưu được.` : '';
  for (const sel of SENDS_PLAN) {
    const btn = $(sel);
    if (btn.getAttribute('aria-busy') === 'true') continue;
    btn.disabled = n > 0;
    if (n) btn.title = reason; else btn.removeAttribute('title');
  }
  const note = $('#held-note');
  note.hidden = n === 0;
  note.textContent = reason;
  previewEl.classList.toggle('held', n > 0);
}
