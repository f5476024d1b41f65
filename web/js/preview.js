// Live preview: one request at a time; a result older than the latest
// edit is dropped, and the next request carries the newest plan. The answer
// names the pages; their images are asked for as they come near the view,
// drawn as sharp as the screen shows them and no sharper (see pageUrl).

import { $, h, previewEl, status, statusEl } from './dom.js';
import { state } from './state.js';
import { renderFindings } from './findings.js';
import { api, errorOf, showLoadError } from './api.js';

// Pixels per inch of a page image are the screen's, rounded up to a step
// so that a resized window reuses the images it has.
const PPI_STEP = 12;
const PPI_MIN = 48;
const PPI_MAX = 288;
// Pages this far beyond the view (in its heights) are asked for ahead.
const NEAR = '150% 0px';

const preview = {
  inFlight: false, again: false, broken: new Map(),
  observer: null, root: null, // lazy page images, see observer()
};

// No pause after a keystroke: the request leaves from the keystroke's own
// handler, so the server lays the plan out while the browser redraws the
// form (on a long form that frame is most of a keystroke's time, and no
// timer could fire during it; a 30 ms pause cost ~25 ms of the median,
// docs/performance.md). A burst of keystrokes still goes as few requests:
// one is out at a time, and the keystrokes made meanwhile go together in
// the next.
export function schedulePreview() {
  previewEl.dataset.state = 'pending';
  requestPreview();
}

async function requestPreview() {
  if (preview.inFlight) { preview.again = true; return; }
  preview.inFlight = true;
  const sent = state.editSeq;
  previewEl.dataset.state = 'loading';
  try {
    const r = await api('POST', 'api/preview', state.plan);
    if (sent !== state.editSeq) return; // superseded by a newer edit
    if (r.ok && r.data) {
      if (await showPages(r.data, sent)) {
        state.findings = Array.isArray(r.data.findings) ? r.data.findings : [];
        state.loadError = null;
        renderFindings();
        showNotEvaluated(r.data.not_evaluated);
        previewEl.dataset.version = String(Number(previewEl.dataset.version || 0) + 1);
        previewEl.dataset.state = 'ready';
        previewEl.classList.remove('stale');
        if (statusEl.dataset.kind === 'preview-error') status('');
      }
    } else {
      // Shown at the field and in the list; the status line repeats it only
      // when it holds nothing more important (such as a restore notice).
      const announce = !statusEl.textContent || statusEl.dataset.kind === 'preview-error';
      showLoadError(errorOf(r), 'Chưa xem trước được', { announce });
      if (announce) statusEl.dataset.kind = 'preview-error';
      previewEl.dataset.state = 'error';
      previewEl.classList.add('stale');
    }
  } catch (e) {
    if (sent === state.editSeq) {
      status('Không kết nối được với chương trình để xem trước. Hãy kiểm tra "kehoach serve" còn chạy.', 'preview-error');
      previewEl.dataset.state = 'error';
      previewEl.classList.add('stale');
    }
  } finally {
    preview.inFlight = false;
    if (preview.again) { preview.again = false; requestPreview(); }
  }
}

// The device pixels across the page as shown, per inch of paper.
function neededPpi(img) {
  const widthPt = Number(img.style.getPropertyValue('--page-w')) || 595.28;
  const zoom = previewEl.dataset.zoom;
  const shown = zoom && zoom !== 'fit'
    ? widthPt * (Number(zoom) / 100) * (4 / 3)
    : img.clientWidth || previewEl.clientWidth - 24;
  const ppi = (shown * (window.devicePixelRatio || 1)) / (widthPt / 72);
  return Math.min(PPI_MAX, Math.max(PPI_MIN, Math.ceil(ppi / PPI_STEP) * PPI_STEP));
}

function pageUrl(img) {
  const id = img.dataset.pageId;
  const retry = preview.broken.get(id);
  img.dataset.ppi = String(neededPpi(img));
  return `api/pages/${encodeURIComponent(id)}.png?ppi=${img.dataset.ppi}${retry ? `&r=${retry}` : ''}`;
}

// A larger zoom (or a wider pane) asks again for the pages drawn too small.
export function sharpen() {
  for (const img of previewEl.querySelectorAll('img[data-page-id][src]')) {
    if (neededPpi(img) > Number(img.dataset.ppi || 0)) img.src = pageUrl(img);
  }
}

// A page is a placeholder of its size until it comes near the view: the
// server draws a page only when its image is asked for.
function pageImage(page) {
  const width = page.width || 595.28;
  const height = page.height || 841.89;
  const img = h('img', {
    'data-page-id': page.id, decoding: 'async', width: Math.round(width), height: Math.round(height),
  });
  img.style.setProperty('--page-w', String(width));
  img.style.setProperty('aspect-ratio', `${width} / ${height}`);
  // The server keeps the pages of its last previews only: a page that
  // dropped out comes back with a fresh preview.
  img.addEventListener('error', () => {
    img.dataset.broken = '1';
    const tries = (preview.broken.get(page.id) || 0) + 1;
    preview.broken.set(page.id, tries);
    if (tries <= 3) requestPreview();
  });
  return img;
}

function load(img) {
  preview.observer?.unobserve(img);
  if (!img.hasAttribute('src')) img.src = pageUrl(img);
}

// On a wide screen the preview's pane scrolls, on a narrow one the page.
function scroller() {
  const pane = previewEl.closest('.pane');
  return pane && getComputedStyle(pane).overflowY !== 'visible' ? pane : null;
}

function observer() {
  const root = scroller();
  if (!preview.observer || preview.root !== root) {
    preview.observer?.disconnect();
    preview.root = root;
    preview.observer = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) load(e.target);
    }, { root, rootMargin: NEAR });
  }
  return preview.observer;
}

function inView(el) {
  const r = el.getBoundingClientRect();
  const view = preview.root ? preview.root.getBoundingClientRect() : { top: 0, bottom: innerHeight };
  return r.bottom >= view.top && r.top <= view.bottom;
}

// Pages whose id did not change keep their <img> (no reload, no flicker).
// A changed page in view is drawn and decoded before it replaces the old
// one; the others wait as placeholders until they come near the view.
async function showPages(data, sent) {
  const pages = Array.isArray(data.pages) ? data.pages : [];
  const shown = [...previewEl.querySelectorAll('img[data-page-id]')];
  const old = new Map();
  for (const img of shown) {
    if (!img.dataset.broken && !old.has(img.dataset.pageId)) old.set(img.dataset.pageId, img);
  }
  const fresh = [];
  const nodes = pages.map((page, i) => {
    let img = old.get(page.id);
    if (img) old.delete(page.id);
    else {
      img = pageImage(page);
      if (shown[i] && inView(shown[i])) { load(img); fresh.push(img); }
    }
    img.alt = `Trang ${i + 1} trên ${pages.length}`;
    return img;
  });
  await Promise.all(fresh.map((img) => Promise.race([
    img.decode().catch(() => {}),
    new Promise((resolve) => setTimeout(resolve, 5000)),
  ])));
  if (sent !== state.editSeq) return false;
  const watch = observer();
  const kept = new Set(nodes);
  for (const img of shown) if (!kept.has(img)) watch.unobserve(img);
  previewEl.replaceChildren(...nodes);
  for (const img of nodes) if (!img.hasAttribute('src')) watch.observe(img);
  if (!pages.length) previewEl.append(h('p', { class: 'muted' }, 'Chưa có trang nào.'));
  state.fileName = data.file_name || state.fileName;
  $('#preview-info').textContent = `${pages.length} trang${data.file_name ? ` · ${data.file_name}` : ''}`;
  return true;
}

function showNotEvaluated(list) {
  const el = $('#not-evaluated');
  const items = Array.isArray(list) ? list : [];
  el.hidden = items.length === 0;
  el.textContent = items.length ? `Chưa kiểm tra được: ${items.join('; ')}` : '';
}
