// The plan being edited and JSON paths into it.
//
// The page edits one JS object, `state.plan`, in place: every bound control
// carries `data-path` (a JSON path such as `sections[1].content[0].task.lead`)
// and writes its value there on `input`. Fields the form does not show are
// never touched, so a loaded plan keeps everything it had. Structural edits
// (add, delete, move) change the object and re-render the form. Every
// change is recorded for "Hoàn tác" and kept as the draft (history.js).

import { FALLBACK_BLANK } from './vocab.js';

export const state = {
  plan: null,
  name: null,          // file name used by "Lưu" (folder or download)
  blank: FALLBACK_BLANK,
  dir: false,
  fileName: null,      // PDF name proposed by the last preview
  findings: null,      // from the last preview; null before the first
  loadError: null,     // a 422 from the server, shown like a finding
  reviewFlags: [],     // rollover flags kept until the user dismisses them
  shown: [],           // findings currently listed, indexed by the buttons
  editSeq: 0,          // bumped on every change; stale previews are dropped
  history: [],         // the plan before each change, newest last (history.js)
  committed: null,     // the plan as last recorded, to push on the next change
  editKey: null,       // the field being typed into: its keystrokes are one change
  dirty: false,        // changes no file holds yet
  parked: {},          // fields the form hides but keeps: { decision } (decision.js)
  collapsed: new WeakSet(), // section/appendix objects the user folded
  groupOpen: new Map(),     // top-level group id → open
  afterInput: new Map(),    // path → function refreshing labels that show it
  rolled: null,
  invalid: new Map(),       // path → typed text the plan did not take (entries.js)
};

// JSON paths: `sections[1].content[0].task.lead` ⇄ ['sections', 1, 'content', 0, 'task', 'lead'].

export function parsePath(path) {
  const keys = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m;
  while ((m = re.exec(path || '')) !== null) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return keys;
}

export function formatPath(keys) {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

export function getAt(root, keys) {
  let node = root;
  for (const k of keys) {
    if (node == null || typeof node !== 'object') return undefined;
    node = node[k];
  }
  return node;
}

export const valueAt = (path) => getAt(state.plan, parsePath(path));

// Creates missing containers on the way; cells past the end of a table row
// are padded with empty strings so the row stays a row of strings.
export function setAt(root, keys, value) {
  let node = root;
  keys.forEach((k, i) => {
    const last = i === keys.length - 1;
    if (Array.isArray(node) && typeof k === 'number') {
      while (node.length < k) node.push('');
    }
    if (last) {
      node[k] = value;
    } else {
      if (node[k] == null || typeof node[k] !== 'object') node[k] = typeof keys[i + 1] === 'number' ? [] : {};
      node = node[k];
    }
  });
}

export function hasKey(obj, key) {
  return obj != null && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, key);
}

export const clone = (v) => JSON.parse(JSON.stringify(v));

export function isPlanObject(v) {
  return v && typeof v === 'object' && !Array.isArray(v);
}
