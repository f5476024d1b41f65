// The plan's header: issuer, number, symbol, place and date, year and
// urgency; and the trích yếu.

import { h, options, uid } from './dom.js';
import { DATE_PLACEHOLDER, dateKind, formatDate } from './dates.js';
import { DATE_MODES, URGENCY } from './vocab.js';
import { state, valueAt } from './state.js';
import { group, selectField, textField } from './fields.js';

export function headerGroup() {
  const abbr = valueAt('issuer.abbreviation');
  const symbol = textField('symbol', 'Ký hiệu', {
    kind: 'opt', spellcheck: false, placeholder: `KH-${abbr || '…'}`,
    hint: 'Bỏ trống để dùng "KH-" + tên viết tắt.',
  });
  state.afterInput.set('issuer.abbreviation', () => {
    symbol.querySelector('input').placeholder = `KH-${valueAt('issuer.abbreviation') || '…'}`;
  });
  const dateYear = () => {
    const d = valueAt('date');
    return typeof d === 'string' && /^\d{4}/.test(d) ? d.slice(0, 4) : '';
  };
  const year = textField('year', 'Năm kế hoạch', {
    kind: 'year', inputmode: 'numeric', placeholder: dateYear(),
    hint: 'Bỏ trống: lấy năm của ngày ban hành.',
  });
  state.afterInput.set('date', () => {
    year.querySelector('input').placeholder = dateYear();
    updateDateSample();
  });
  state.afterInput.set('place', updateDateSample);

  return group('g-header', 'Cơ quan, số, ngày', [
    h('div', { class: 'grid2', 'data-box': 'issuer' },
      textField('issuer.parent', 'Cơ quan chủ quản', { kind: 'opt', hint: 'Ví dụ: UBND TỈNH LẠNG SƠN. Bỏ trống nếu không có.' }),
      textField('issuer.name', 'Tên cơ quan ban hành', { hint: 'Chữ in hoa, ví dụ: SỞ TƯ PHÁP.' }),
      textField('issuer.abbreviation', 'Tên viết tắt', { spellcheck: false, hint: 'Ví dụ: STP' }),
      textField('issuer.name_in_text', 'Tên dùng trong câu văn', { kind: 'opt', hint: 'Ví dụ: Sở Tư pháp' })),
    h('div', { class: 'grid3' },
      textField('number', 'Số', { kind: 'number', inputmode: 'numeric', hint: 'Bỏ trống để văn thư điền.' }),
      symbol,
      textField('place', 'Địa danh', { hint: 'Ví dụ: Lạng Sơn' })),
    dateField(),
    h('div', { class: 'grid2' }, year, selectField('urgency', 'Độ khẩn', URGENCY)),
  ]);
}

// The date: a full date, a month, a year, or blank (null) for a draft,
// typed as the clerk writes it (dates.js).
function dateField() {
  const value = valueAt('date');
  const kind = dateKind(value);
  const modeId = uid();
  const inputId = uid();
  const list = kind === 'raw' ? [...DATE_MODES, ['raw', 'Giá trị khác']] : DATE_MODES;
  const input = h('input', {
    id: inputId, type: 'text', 'data-path': 'date', 'data-kind': 'date', 'data-date-kind': kind,
    placeholder: DATE_PLACEHOLDER[kind], spellcheck: 'false', 'aria-describedby': 'date-sample',
  });
  input.value = formatDate(value);
  const inputWrap = h('span', { class: 'date-input', hidden: kind === 'none' },
    h('label', { for: inputId, class: 'visually-hidden' }, 'Ngày ban hành'), input);
  return h('div', { class: 'field date-field', 'data-box': 'date' },
    h('label', { for: modeId }, 'Ngày ban hành'),
    h('div', { class: 'row' },
      h('select', { id: modeId, 'data-control': 'date-mode' }, options(list, kind)),
      inputWrap),
    h('p', { class: 'hint', id: 'date-sample' }, dateSample()));
}

// "Lạng Sơn, ngày 04 tháng 3 năm 2026", with blanks where the draft has none;
// the padding follows the decree (day below 10, months 1 and 2).
function dateSample() {
  const place = valueAt('place') || '…';
  const d = valueAt('date');
  const [y, m, day] = typeof d === 'string' ? d.split('-').map(Number) : [];
  const dd = day ? String(day).padStart(2, '0') : '…';
  const mm = m ? (m < 3 ? String(m).padStart(2, '0') : String(m)) : '…';
  return `Sẽ in: ${place}, ngày ${dd} tháng ${mm} năm ${y || '…'}`;
}

function updateDateSample() {
  const el = document.getElementById('date-sample');
  if (el) el.textContent = dateSample();
}

export function titleGroup() {
  return group('g-title', 'Trích yếu', [
    textField('title', 'Trích yếu nội dung', { multiline: true, rows: 3, hint: 'Ví dụ: Thực hiện phong trào thi đua ngành Tư pháp năm 2026' }),
    textField('subtitle', 'Dòng dưới trích yếu (in nghiêng)', { kind: 'opt', hint: 'Không bắt buộc, ví dụ: (Ban hành kèm theo …)' }),
  ]);
}
