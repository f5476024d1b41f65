// The dialogs that report: what "Sửa tự động" changed, and next year's plan
// reviewed before the user accepts it.

import { $, h, status } from './dom.js';
import { isPlanObject, state, valueAt } from './state.js';
import { locationOf, renderFindings } from './findings.js';
import { api, describeError, errorOf, showLoadError, withBusy } from './api.js';
import { setPlan } from './edits.js';
import { parseYear } from './numbers.js';

export async function autofix(btn) {
  await withBusy(btn, 'Đang sửa tự động…', async () => {
    const r = await api('POST', 'api/fix', state.plan);
    if (!r.ok || !r.data) return showLoadError(errorOf(r), 'Không sửa tự động được');
    const applied = Array.isArray(r.data.applied) ? r.data.applied : [];
    if (!applied.length) return status('Không có chỗ nào sửa tự động được.');
    setPlan(r.data.plan, { name: state.name, dirty: true, parked: state.parked });
    showReport(`Đã sửa tự động ${applied.length} chỗ`, [
      h('p', {}, 'Chỉ sửa cách viết (dấu cách, dấu câu, số 0, chữ hoa), không đổi lời văn. Bấm "Hoàn tác" để bỏ.'),
      h('ul', { class: 'report-list' }, applied.map((f) => h('li', {},
        h('span', { class: 'rule' }, `[${f.rule}] `), f.message,
        f.fix ? h('div', { class: 'after' }, `→ ${f.fix}`) : null,
        h('div', { class: 'where' }, locationOf(f.path))))),
    ]);
    status(`Đã sửa tự động ${applied.length} chỗ.`);
  });
}

export function showReport(title, body) {
  $('#report-title').textContent = title;
  $('#report-body').replaceChildren(...body);
  $('#report-dialog').showModal();
}

// Rollover: review first, then the user decides.
function planYear() {
  const y = Number(valueAt('year'));
  if (Number.isInteger(y) && y > 0) return y;
  const d = valueAt('date');
  return typeof d === 'string' && /^\d{4}/.test(d) ? Number(d.slice(0, 4)) : null;
}

export function openRollover() {
  const year = planYear();
  $('#rollover-year').value = year ? String(year + 1) : '';
  $('#rollover-dialog').showModal();
  loadRollover();
}

export async function loadRollover() {
  const report = $('#rollover-report');
  const accept = $('#rollover-accept');
  accept.disabled = true;
  state.rolled = null;
  const to = $('#rollover-year').value.trim();
  // Blank: the server moves the plan's own year on by one.
  const year = to ? parseYear(to) : { value: null };
  const error = $('#rollover-year-error');
  error.hidden = !year.error;
  error.textContent = year.error || '';
  if (year.error) $('#rollover-year').setAttribute('aria-invalid', 'true');
  else $('#rollover-year').removeAttribute('aria-invalid');
  if (year.error) {
    report.replaceChildren();
    return;
  }
  report.replaceChildren(h('p', {}, 'Đang chuyển năm…'));
  try {
    const r = await api('POST', `api/rollover${year.value ? `?to=${year.value}` : ''}`, state.plan);
    if (!r.ok || !r.data) {
      const err = errorOf(r);
      report.replaceChildren(h('p', { class: 'sev-error' }, `Không chuyển năm được: ${describeError(err)}`));
      if (err.path) showLoadError(err, 'Không chuyển năm được');
      return;
    }
    state.rolled = r.data;
    if (r.data.to) $('#rollover-year').value = String(r.data.to);
    report.replaceChildren(...rolloverReport(r.data));
    accept.disabled = false;
  } catch (e) {
    report.replaceChildren(h('p', { class: 'sev-error' }, `Không kết nối được với chương trình (${e.message}).`));
  }
}

function rolloverReport(data) {
  const changes = Array.isArray(data.changes) ? data.changes : [];
  const flags = Array.isArray(data.flags) ? data.flags : [];
  const where = (x) => h('div', { class: 'where' }, x.section || '');
  return [
    h('p', {}, `Từ năm ${data.from ?? '?'} sang năm ${data.to ?? '?'}: số và ngày, tháng ban hành được để trống cho văn thư điền.`),
    h('h3', {}, `Đã đổi (${changes.length})`),
    changes.length ? h('ul', { class: 'report-list' }, changes.map((c) => h('li', {},
      h('del', {}, c.before ?? ''), ' → ', h('ins', {}, c.after ?? ''), where(c)))) : h('p', { class: 'muted' }, 'Không có.'),
    h('h3', {}, `Cần xem lại, chưa đổi (${flags.length})`),
    flags.length ? h('ul', { class: 'report-list' }, flags.map((f) => h('li', {},
      f.message, f.text ? h('q', { class: 'quote' }, f.text) : null, where(f))))
      : h('p', { class: 'muted' }, 'Không có.'),
  ];
}

export function acceptRollover() {
  const data = state.rolled;
  if (!data || !isPlanObject(data.plan)) return;
  $('#rollover-dialog').close();
  setPlan(data.plan, { dirty: true });
  state.reviewFlags = Array.isArray(data.flags) ? data.flags : [];
  renderFindings();
  status(`Đã tạo kế hoạch năm ${data.to ?? ''}. Các chỗ cần xem lại được đánh dấu trong danh sách kiểm tra.`);
}
