// check's findings, in the list and next to their field. Both need the
// control for a JSON path, which also takes the focus after an action.

import { $, button, form, h } from './dom.js';
import { SEVERITY, SEVERITY_RANK } from './vocab.js';
import { formatPath, parsePath, state } from './state.js';
import { showView } from './view.js';

export const cssq = (s) => String(s).replace(/["\\]/g, '\\$&');

function visible(el) {
  return el && !el.closest('[hidden]');
}

export function controlFor(path) {
  for (const el of form.querySelectorAll(`[data-path="${cssq(path)}"]`)) {
    if (el.matches('input, textarea, select') && visible(el)) return el;
  }
  return null;
}

function boxFor(path) {
  for (const el of form.querySelectorAll(`[data-box="${cssq(path)}"]`)) if (visible(el)) return el;
  return null;
}

// The control at `path`, or else the nearest enclosing one whose path is a prefix.
export function targetFor(path) {
  if (path == null) return null;
  let keys = parsePath(path);
  while (keys.length) {
    const p = formatPath(keys);
    const el = controlFor(p) || boxFor(p);
    if (el) return el;
    keys = keys.slice(0, -1);
  }
  return null;
}

export function revealAndFocus(el) {
  showView('form');
  for (let d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
  const target = el.matches('input, textarea, select, button')
    ? el
    // Text first: a new list should take its first item, not its marker.
    : el.querySelector('textarea, input[type=text]') || el.querySelector('input, select')
      || el.querySelector('button:not(:disabled)') || el;
  if (target === el && !el.matches('input, textarea, select, button')) el.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

export function focusPath(path) {
  const el = targetFor(path);
  if (el) revealAndFocus(el);
}

// Findings: next to their field and in the list.

function allFindings() {
  // What the plan did not take comes first: the rest describes the plan
  // without it.
  const typed = [...state.invalid].filter(([, e]) => !e.partial).map(([path, e]) => ({
    severity: 'error', rule: '', path, message: e.message, suggestion: 'chưa đưa vào kế hoạch',
  }));
  const base = [...typed, ...(state.loadError ? [state.loadError] : state.findings || [])];
  const review = state.reviewFlags.map((f) => ({
    severity: 'review', rule: 'NĂM MỚI', path: f.path, message: f.text ? `${f.message}: “${f.text}”` : f.message, suggestion: null,
  }));
  return [...base, ...review];
}

export function renderFindings() {
  state.shown = allFindings();
  const list = $('#findings');
  const counts = { error: 0, warning: 0, hint: 0, review: 0 };
  list.replaceChildren(...state.shown.map((f, i) => {
    counts[f.severity] = (counts[f.severity] || 0) + 1;
    const where = locationOf(f.path);
    return h('li', { class: `finding sev-${f.severity}` },
      button([
        h('span', { class: 'sev' }, SEVERITY[f.severity] || f.severity),
        f.rule ? h('span', { class: 'rule' }, `[${f.rule}]`) : null,
        h('span', { class: 'msg' }, f.message),
        f.suggestion ? h('span', { class: 'sugg' }, ` — ${f.suggestion}`) : null,
        where ? h('span', { class: 'where' }, where) : null,
      ], { class: 'finding-go', 'data-action': 'focus-finding', 'data-index': i }),
      fixButton(f, i));
  }));
  const parts = [];
  if (counts.error) parts.push(`${counts.error} lỗi`);
  if (counts.warning) parts.push(`${counts.warning} cảnh báo`);
  if (counts.hint) parts.push(`${counts.hint} gợi ý`);
  if (counts.review) parts.push(`${counts.review} chỗ cần xem lại sau khi chuyển năm`);
  const summary = $('#findings-summary');
  const pending = state.findings === null && !state.loadError;
  summary.textContent = parts.length ? `Kiểm tra: ${parts.join(', ')}${pending ? ' (đang kiểm tra…)' : ''}`
    : pending ? 'Kiểm tra: đang kiểm tra…' : 'Kiểm tra: không thấy lỗi';
  summary.className = counts.error ? 'sev-error' : counts.warning ? 'sev-warning' : '';
  if (state.reviewFlags.length) {
    list.append(h('li', { class: 'finding-tools' },
      button('Đã xem xong các chỗ cần xem lại', { 'data-action': 'dismiss-review' })));
  }
  applyFindingsToForm();
}

function fixButton(f, i) {
  if (typeof f.fix !== 'string') return null;
  return button('Sửa', { class: 'fix', 'data-action': 'apply-fix', 'data-index': i, 'aria-label': `Sửa thành: ${f.fix}`, title: `Sửa thành: ${f.fix}` });
}

// "II. NỘI DUNG › Tên khoản", from the labels of the form itself.
export function locationOf(path) {
  const el = targetFor(path);
  if (!el) return path && path !== '.' ? path : '';
  const parts = [];
  for (let d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
    const s = d.querySelector(':scope > summary');
    if (s) parts.unshift(s.textContent.trim().replace(/\s+/g, ' ').slice(0, 60));
  }
  const label = el.id && form.querySelector(`label[for="${el.id}"]`);
  if (label) parts.push(label.textContent.trim());
  return parts.join(' › ');
}

function clearInlineFindings() {
  form.querySelectorAll('.finding-msg').forEach((m) => m.remove());
  form.querySelectorAll('[data-has-finding]').forEach((el) => {
    el.removeAttribute('data-has-finding');
    el.removeAttribute('aria-invalid');
    const base = el.dataset.baseDescribedby;
    if (base) el.setAttribute('aria-describedby', base); else el.removeAttribute('aria-describedby');
  });
  form.querySelectorAll('summary[data-mark]').forEach((s) => s.removeAttribute('data-mark'));
}

export function applyFindingsToForm() {
  clearInlineFindings();
  state.shown.forEach((f, i) => {
    const el = targetFor(f.path);
    if (!el) return;
    const msg = h('div', { class: `finding-msg sev-${f.severity}`, id: `fm-${i}` },
      h('span', { class: 'sev' }, SEVERITY[f.severity] || f.severity),
      ` ${f.rule ? `[${f.rule}] ` : ''}${f.message}`,
      f.suggestion ? ` — ${f.suggestion}` : '',
      fixButton(f, i));
    if (el.matches('input, textarea, select')) {
      (el.closest('.field, td, .item-row, .block-body') || el.parentElement).append(msg);
      if (!el.hasAttribute('data-has-finding')) el.dataset.baseDescribedby = el.getAttribute('aria-describedby') || '';
      el.setAttribute('data-has-finding', '');
      el.setAttribute('aria-describedby', `${el.dataset.baseDescribedby} fm-${i}`.trim());
      if (f.severity === 'error') el.setAttribute('aria-invalid', 'true');
    } else {
      const summary = el.querySelector(':scope > summary');
      if (summary) summary.after(msg); else el.prepend(msg);
    }
    markFolds(el, f.severity);
  });
}

// A folded section still shows, on its summary, that something inside needs attention.
function markFolds(el, severity) {
  for (let d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
    const s = d.querySelector(':scope > summary');
    if (!s) continue;
    const old = s.getAttribute('data-mark');
    if (!old || SEVERITY_RANK[severity] > SEVERITY_RANK[old]) s.setAttribute('data-mark', severity);
  }
}
