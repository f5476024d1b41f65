// The toolbar's file commands: a new plan, a sample, a file opened or
// imported, the plan saved as JSON (downloaded or into the server's folder)
// and downloaded as PDF or as a Word file. A plan with changes no file
// holds is replaced only when the clerk says so.

import { $, h, status } from './dom.js';
import { clone, isPlanObject, state } from './state.js';
import { markSaved } from './history.js';
import { api, describeError, errorOf, showLoadError, withBusy } from './api.js';
import { setPlan } from './edits.js';
import { showReport } from './dialogs.js';
import { ask } from './confirm.js';

const shorten = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

// Resolves whether the plan being drafted may be replaced by `what`.
async function mayReplace(what, yes) {
  if (!state.dirty) return true;
  const go = await ask({
    title: 'Thay kế hoạch đang soạn?',
    message: `Kế hoạch đang soạn có thay đổi chưa lưu vào tệp nào. ${what} sẽ thay nó trong biểu mẫu. `
      + 'Muốn giữ thì bấm "Hủy" rồi "Lưu tệp JSON" hoặc "Lưu vào thư mục…".',
    yes,
  });
  if (!go) status('Chưa mở: kế hoạch đang soạn vẫn giữ nguyên.');
  return go;
}

export async function newBlank() {
  if (!await mayReplace('Kế hoạch mới', 'Mở kế hoạch mới')) return;
  setPlan(clone(state.blank));
  status('Đã mở kế hoạch mới. Bấm "Hoàn tác" để quay lại bản trước.');
}

export async function loadSample(btn) {
  const id = $('#sample').value;
  if (!id) { status('Hãy chọn một mẫu trong danh sách.', 'error'); $('#sample').focus(); return; }
  if (!await mayReplace('Mẫu vừa chọn', 'Mở mẫu')) return;
  await withBusy(btn, 'Đang mở mẫu…', async () => {
    const r = await api('GET', `api/samples/${encodeURIComponent(id)}`);
    if (!r.ok || !isPlanObject(r.data)) return status(`Không mở được mẫu: ${errorOf(r).message}`, 'error');
    setPlan(r.data);
    status(`Đã mở mẫu "${shorten($('#sample').selectedOptions[0].textContent, 90)}".`);
  });
}

export function openFile(input) {
  const file = input.files && input.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = async () => {
    input.value = '';
    let plan;
    try {
      plan = JSON.parse(String(reader.result).replace(/^\uFEFF/, ''));
    } catch (e) {
      return status(`Tệp "${file.name}" không phải JSON hợp lệ: ${e.message}`, 'error');
    }
    if (!isPlanObject(plan)) return status(`Tệp "${file.name}" không chứa một kế hoạch.`, 'error');
    if (!await mayReplace(`Tệp "${file.name}"`, 'Mở tệp')) return;
    setPlan(plan, { name: file.name });
    status(`Đã mở tệp "${file.name}".`);
  };
  reader.onerror = () => status(`Không đọc được tệp "${file.name}".`, 'error');
  reader.readAsText(file, 'utf-8');
}

// "Nhập từ tệp": last year's Word or text file, read by the server as
// `kehoach import` reads it; the report says what it guessed and what it
// could not place.
export function importFile(input) {
  const file = input.files && input.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = async () => {
    input.value = '';
    const data = String(reader.result).replace(/^data:[^,]*,/, '');
    if (!await mayReplace(`Kế hoạch nhập từ "${file.name}"`, 'Nhập tệp')) return;
    status(`Đang nhập "${file.name}"…`);
    const r = await api('POST', 'api/import', { name: file.name, data });
    if (!r.ok || !r.data) return status(`Không nhập được "${file.name}": ${errorOf(r).message}`, 'error');
    setPlan(r.data.plan, { name: file.name.replace(/\.[^.]*$/, '.json') });
    const list = (items) => h('ul', { class: 'report-list' }, items.map((t) => h('li', {}, t)));
    const unplaced = (r.data.unplaced || []).map((u) => `${u.unit} ${u.at}: ${u.text}`);
    showReport(`Đã nhập "${file.name}"`, [
      h('h3', {}, 'Đã nhận ra'), list(r.data.found || []),
      h('h3', {}, 'Đã đoán, cần kiểm tra'),
      (r.data.guessed || []).length ? list(r.data.guessed) : h('p', {}, 'Không có.'),
      h('h3', {}, 'Chưa xếp được vào đúng chỗ'),
      unplaced.length ? list(unplaced) : h('p', {}, 'Mọi đoạn văn đều đã được xếp.'),
    ]);
    status(`Đã nhập "${file.name}". Hãy kiểm tra các trường đã đoán.`);
  };
  reader.onerror = () => status(`Không đọc được tệp "${file.name}".`, 'error');
  reader.readAsDataURL(file);
}

function suggestedName(ext) {
  if (state.name) return ext === 'json' ? state.name : state.name.replace(/\.json$/i, `.${ext}`);
  if (state.fileName) return state.fileName.replace(/\.pdf$/i, `.${ext}`);
  return `ke-hoach.${ext}`;
}

function downloadBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export function saveJson() {
  const name = suggestedName('json');
  downloadBlob(new Blob([`${JSON.stringify(state.plan, null, 2)}\n`], { type: 'application/json' }), name);
  markSaved();
  status(`Đã tải xuống "${name}".`);
}

function fileNameFrom(disposition) {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) { try { return decodeURIComponent(star[1].trim()); } catch { /* fall through */ } }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain ? (plain[1] || plain[2]).trim() : null;
}

export function downloadPdf(btn) {
  return download(btn, 'pdf', 'Đang tạo PDF…', 'Không tạo được PDF');
}

export function downloadDocx(btn) {
  return download(btn, 'docx', 'Đang tạo tệp Word…', 'Không tạo được tệp Word');
}

// The plan as the server exports it (`api/pdf`, `api/docx`), downloaded
// under the name the server gives.
async function download(btn, ext, busy, failed) {
  await withBusy(btn, busy, async () => {
    const res = await fetch(`api/${ext}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(state.plan),
    });
    if (!res.ok) {
      const data = await res.json().catch(() => null);
      return showLoadError(errorOf({ data, status: res.status }), failed);
    }
    const name = fileNameFrom(res.headers.get('Content-Disposition')) || suggestedName(ext);
    downloadBlob(await res.blob(), name);
    status(`Đã tải xuống "${name}".`);
  });
}

// The server's folder (when started with one).
export async function refreshFiles() {
  try {
    const r = await api('GET', 'api/files');
    if (!r.ok || !r.data) { $('#dir-tools').hidden = true; return; }
    const select = $('#dir-files');
    const current = select.value;
    select.replaceChildren(h('option', { value: '' }, '— chọn tệp —'),
      ...(r.data.files || []).map((f) => h('option', { value: f, selected: f === current }, f)));
    $('#dir-tools').hidden = false;
  } catch {
    $('#dir-tools').hidden = true;
  }
}

export async function openDirFile(btn) {
  const name = $('#dir-files').value;
  if (!name) { status('Hãy chọn một tệp trong thư mục.', 'error'); $('#dir-files').focus(); return; }
  if (!await mayReplace(`Tệp "${name}"`, 'Mở tệp')) return;
  await withBusy(btn, `Đang mở "${name}"…`, async () => {
    const r = await api('GET', `api/files/${encodeURIComponent(name)}`);
    if (!r.ok || !isPlanObject(r.data)) return status(`Không mở được "${name}": ${errorOf(r).message}`, 'error');
    setPlan(r.data, { name });
    status(`Đã mở "${name}".`);
  });
}

const FILE_NAME = /^[\p{L}\p{N} ._-]+\.json$/u;
const SAVE_HINT = 'Chỉ dùng chữ, số, dấu cách, dấu chấm, gạch dưới và gạch ngang.';

export function askSaveName() {
  const input = $('#save-name');
  input.value = suggestedName('json');
  input.removeAttribute('aria-invalid');
  $('#save-hint').textContent = SAVE_HINT;
  $('#save-dialog').showModal();
  input.select();
}

export async function saveToDir(event) {
  event.preventDefault();
  const input = $('#save-name');
  let name = input.value.trim();
  if (name && !/\.json$/i.test(name)) name += '.json';
  if (!FILE_NAME.test(name)) {
    input.setAttribute('aria-invalid', 'true');
    $('#save-hint').textContent = 'Tên không hợp lệ. Chỉ dùng chữ, số, dấu cách, dấu chấm, gạch dưới, gạch ngang; kết thúc bằng .json.';
    input.focus();
    return;
  }
  $('#save-dialog').close();
  await withBusy($('#save-dir'), `Đang lưu "${name}"…`, async () => {
    const url = `api/files/${encodeURIComponent(name)}`;
    let r = await api('PUT', url, state.plan);
    // The server replaces a file only when told to (409 otherwise): the
    // user decides, seeing the name.
    if (r.status === 409) {
      const replace = await ask({
        title: 'Thay thế tệp đã có?',
        message: `Thư mục đã có tệp "${name}". Lưu đè sẽ thay toàn bộ nội dung tệp đó bằng kế hoạch đang soạn.`,
        yes: 'Thay thế tệp',
      });
      if (!replace) return status(`Chưa lưu: tệp "${name}" trong thư mục vẫn giữ nguyên.`);
      r = await api('PUT', `${url}?overwrite=1`, state.plan);
    }
    if (!r.ok) return status(`Không lưu được "${name}": ${describeError(errorOf(r))}`, 'error');
    state.name = (r.data && r.data.saved) || name;
    markSaved();
    status(`Đã lưu "${state.name}" vào thư mục.`);
    refreshFiles();
  });
}
