// kehoach serve — the browser form. This module wires the page's events to
// the others and starts the form from the draft kept in the browser, or from
// a blank plan.

import { $, form, h, previewEl, status } from './dom.js';
import { clone, isPlanObject, state } from './state.js';
import { endEdit, restoreDraft, saveDraft } from './history.js';
import { renderFindings, revealAndFocus, targetFor } from './findings.js';
import { renderForm, renderNav } from './form.js';
import { api } from './api.js';
import { schedulePreview, sharpen } from './preview.js';
import { applyFix, runAction, setPlan, undo } from './edits.js';
import { onInput, onKeydown, wrapSelection } from './input.js';
import { acceptRollover, autofix, loadRollover, openRollover } from './dialogs.js';
import { switchView } from './view.js';
import { askSaveName, downloadDocx, downloadPdf, importFile, loadSample, newBlank, openDirFile, openFile, refreshFiles, saveJson, saveToDir } from './files.js';

function onClick(event) {
  const btn = event.target.closest('button[data-action], a[href^="#g-"]');
  if (!btn) return;
  if (btn.tagName === 'A') {
    const target = document.getElementById(btn.getAttribute('href').slice(1));
    if (target && target.tagName === 'DETAILS') target.open = true;
    return;
  }
  const action = btn.dataset.action;
  if (action === 'fmt') {
    const ta = document.getElementById(btn.dataset.for);
    if (ta) wrapSelection(ta, btn.dataset.kind);
  } else if (action === 'focus-finding') {
    const f = state.shown[Number(btn.dataset.index)];
    if (f) {
      const el = targetFor(f.path);
      if (el) revealAndFocus(el); else status(`Không tìm thấy ô nhập cho "${f.path}".`);
    }
  } else if (action === 'apply-fix') {
    const f = state.shown[Number(btn.dataset.index)];
    if (f) applyFix(f);
  } else if (action === 'dismiss-review') {
    state.reviewFlags = [];
    renderFindings();
  } else {
    runAction(btn);
  }
}

function bind() {
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('keydown', onKeydown);
  // Leaving a box ends its edit: typing there again is a new "Hoàn tác" step.
  form.addEventListener('focusout', endEdit);
  form.addEventListener('submit', (e) => e.preventDefault());
  document.addEventListener('click', onClick);
  $('#new-blank').addEventListener('click', newBlank);
  $('#load-sample').addEventListener('click', (e) => loadSample(e.currentTarget));
  for (const btn of document.querySelectorAll('[data-opens]')) {
    btn.addEventListener('click', () => document.getElementById(btn.dataset.opens).click());
  }
  $('#open-file').addEventListener('change', (e) => openFile(e.currentTarget));
  $('#import-file').addEventListener('change', (e) => importFile(e.currentTarget));
  $('#save-json').addEventListener('click', saveJson);
  $('#download-pdf').addEventListener('click', (e) => downloadPdf(e.currentTarget));
  $('#download-docx').addEventListener('click', (e) => downloadDocx(e.currentTarget));
  $('#autofix').addEventListener('click', (e) => autofix(e.currentTarget));
  $('#rollover').addEventListener('click', openRollover);
  $('#rollover-refresh').addEventListener('click', loadRollover);
  // Enter in the year asks again rather than submitting (closing) the dialog.
  $('#rollover-year').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); loadRollover(); }
  });
  $('#rollover-accept').addEventListener('click', acceptRollover);
  $('#undo').addEventListener('click', undo);
  $('#open-dir-file').addEventListener('click', (e) => openDirFile(e.currentTarget));
  $('#save-dir').addEventListener('click', askSaveName);
  $('#save-form').addEventListener('submit', saveToDir);
  $('#save-cancel').addEventListener('click', () => $('#save-dialog').close());
  $('#switch-view').addEventListener('click', switchView);
  $('#zoom').addEventListener('change', (e) => { previewEl.dataset.zoom = e.currentTarget.value; sharpen(); });
  window.addEventListener('resize', sharpen);
  // The last keystrokes are already saved; this covers a change still in a handler.
  window.addEventListener('pagehide', () => saveDraft());
}

async function start() {
  renderNav();
  bind();
  const draft = restoreDraft();
  if (draft) {
    renderForm();
    renderFindings();
    schedulePreview();
    status('Đã khôi phục bản nháp đang soạn.');
  }
  let info = null;
  try {
    const r = await api('GET', 'api/start');
    if (r.ok) info = r.data;
  } catch { /* shown below */ }
  if (info) {
    if (isPlanObject(info.blank)) state.blank = info.blank;
    const samples = Array.isArray(info.samples) ? info.samples : [];
    $('#sample').append(...samples.map((s) => h('option', { value: s.id }, s.title ? `${s.id} — ${s.title}` : s.id)));
    state.dir = info.dir === true;
    if (state.dir) refreshFiles();
  } else {
    status('Không kết nối được với chương trình "kehoach serve".', 'error');
  }
  if (!draft) {
    setPlan(clone(state.blank), { undoable: false });
  }
}

// For debugging from the console and for tests: the plan as it stands.
window.kehoach = { get plan() { return state.plan; } };

start();
