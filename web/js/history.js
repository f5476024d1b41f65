// The draft kept in the browser and its history, for "Hoàn tác".
//
// Every change ends in commit(): the plan as it now stands (with its file
// name and the decision parked by the switch) is the draft, and what it
// was before goes on the history. A history entry is a whole snapshot, not
// an inverse operation, so it can be written to localStorage and still
// undo after a reload. Typing is one entry per field edit, as in a word
// processor: the keystrokes into one field, until the clerk leaves it,
// share the entry taken before the first of them.
//
// `state.dirty`: the plan has changes no file holds yet (see files.js,
// which asks before replacing such a plan).

import { $, status } from './dom.js';
import { state } from './state.js';

const DRAFT_KEY = 'kehoach.draft.v1';
const HISTORY_KEY = 'kehoach.history.v1';
const MAX_STEPS = 100;
// Characters of history kept in memory: a 400-page plan is 1.4 M a step.
const MAX_CHARS = 30_000_000;
// Characters of history kept in localStorage (about 5 M per site in all):
// some 40 steps of a 50 kB plan, beside the draft itself.
const MAX_STORED_CHARS = 2_000_000;

function snapshot() {
  return JSON.stringify({ plan: state.plan, name: state.name, parked: state.parked });
}

// Records the change just made. `key` names a field being typed into:
// a change with the same key as the last one joins its history entry.
// Returns whether the plan changed at all.
export function commit(key = null) {
  const now = snapshot();
  if (now === state.committed) return false;
  if (!key || key !== state.editKey) push(state.committed);
  state.editKey = key;
  state.committed = now;
  state.dirty = true;
  saveDraft(now);
  return true;
}

// The next keystroke, even in the same field, starts a new entry.
export function endEdit() {
  state.editKey = null;
}

// A plan put in place of the current one (opened, imported, rolled over):
// the current one stays one "Hoàn tác" away.
export function replaced({ undoable, dirty }) {
  if (undoable) push(state.committed);
  state.editKey = null;
  state.committed = snapshot();
  state.dirty = dirty;
  saveDraft(state.committed);
}

// Takes the newest entry back; false when there is none.
export function stepBack() {
  const entry = state.history.pop();
  syncButton();
  if (!entry) return false;
  const s = JSON.parse(entry);
  state.plan = s.plan;
  state.name = s.name ?? null;
  state.parked = s.parked ?? {};
  state.committed = entry;
  state.editKey = null;
  state.dirty = true;
  saveDraft(entry);
  saveHistory();
  return true;
}

// What a file now holds: the plan has no unsaved changes.
// (Its name may have changed with it.)
export function markSaved() {
  state.dirty = false;
  state.committed = snapshot();
  saveDraft(state.committed);
}

function push(entry) {
  if (!entry) return;
  state.history.push(entry);
  state.history = newest(state.history, MAX_CHARS).slice(-MAX_STEPS);
  syncButton();
  saveHistory();
}

// The newest entries whose characters add up to `chars` at most.
function newest(entries, chars) {
  let total = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    total += entries[i].length;
    if (total > chars) return entries.slice(i + 1);
  }
  return entries;
}

function syncButton() {
  $('#undo').disabled = state.history.length === 0;
}

// `now`: the snapshot just taken, when there is one, so that the plan is
// not turned into JSON twice a keystroke.
export function saveDraft(now = snapshot()) {
  try {
    localStorage.setItem(DRAFT_KEY, `{"dirty":${state.dirty},"savedAt":${Date.now()},"state":${now}}`);
  } catch {
    status('Không lưu được bản nháp vào trình duyệt (bộ nhớ đầy?). Hãy "Lưu tệp JSON".', 'error');
  }
}

// The newest steps that fit; when the browser refuses even those (its
// storage full), fewer, down to none: the draft matters more.
function saveHistory() {
  let kept = newest(state.history, MAX_STORED_CHARS);
  for (;;) {
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(kept));
      return;
    } catch {
      if (!kept.length) return;
      kept = kept.slice(Math.ceil(kept.length / 2));
    }
  }
}

// The draft and its history as the last session left them, or null.
export function restoreDraft() {
  let draft = null;
  try {
    draft = JSON.parse(localStorage.getItem(DRAFT_KEY) || 'null');
  } catch { /* no draft */ }
  // Drafts saved before the history was kept hold the plan at the top.
  const saved = draft && (draft.state || draft);
  if (!saved || !saved.plan || typeof saved.plan !== 'object') return null;
  state.plan = saved.plan;
  state.name = saved.name || null;
  state.parked = saved.parked && typeof saved.parked === 'object' ? saved.parked : {};
  // A draft from before this field was kept: unsaved, to be safe.
  state.dirty = draft.dirty !== false;
  state.committed = snapshot();
  try {
    const history = JSON.parse(localStorage.getItem(HISTORY_KEY) || '[]');
    state.history = Array.isArray(history) ? history.filter((e) => typeof e === 'string') : [];
  } catch {
    state.history = [];
  }
  syncButton();
  return draft;
}
