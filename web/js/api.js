// Talking to the server: JSON requests, its errors said with the form's own
// labels, a button kept busy while it answers.

import { status } from './dom.js';
import { state } from './state.js';
import { locationOf, renderFindings } from './findings.js';
import { syncExports } from './entries.js';

export async function api(method, url, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, init);
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  return { ok: res.ok, status: res.status, data, res };
}

export function errorOf(r) {
  if (r.data && r.data.error && r.data.error.message) return r.data.error;
  return { message: `máy chủ trả lời mã ${r.status}`, path: null };
}

// The server's line and column count in the JSON the page sent, which the
// user never sees: the field's own label says where instead.
export function describeError(err) {
  const where = err.path ? locationOf(err.path) : '';
  return where ? `${where}: ${err.message}` : err.message;
}

// A plan the server cannot read: said once in the status and at its field.
export function showLoadError(err, what, { announce = true } = {}) {
  state.loadError = { severity: 'error', rule: '', path: err.path ?? null, message: err.message, suggestion: null };
  renderFindings();
  if (announce) status(`${what} — ${describeError(err)}`, 'error');
}

export async function withBusy(btn, text, fn) {
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  status(text);
  try {
    await fn();
  } catch (e) {
    status(`Không kết nối được với chương trình (${e.message}). Hãy kiểm tra "kehoach serve" còn chạy.`, 'error');
  } finally {
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
    syncExports();
  }
}
