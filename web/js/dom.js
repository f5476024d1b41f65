// The page's fixed elements and the small helpers that build the rest.

export const $ = (sel) => document.querySelector(sel);
export const form = $('#form');
export const formPane = $('.form-pane');
export const previewEl = $('#preview');
export const statusEl = $('#status');

let idSeq = 0;
export const uid = (prefix = 'f') => `${prefix}${++idSeq}`;

// Ids start again with each render of the form, so that they stay short.
export function resetIds() {
  idSeq = 0;
}

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = true;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) if (c != null && c !== false) el.append(c);
  return el;
}

export const vh = (text) => h('span', { class: 'visually-hidden' }, text);

export function button(text, attrs = {}) {
  return h('button', { type: 'button', ...attrs }, text);
}

export function display(value) {
  if (value == null) return '';
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
}

export function options(list, current) {
  const known = list.some(([v]) => v === (current ?? ''));
  const all = known || current == null ? list : [...list, [current, `${current} (không hợp lệ)`]];
  return all.map(([v, label]) => h('option', { value: v, selected: v === (current ?? '') }, label));
}

export function status(text, kind = 'info') {
  statusEl.textContent = text;
  statusEl.dataset.kind = kind;
}
