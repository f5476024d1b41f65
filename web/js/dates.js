// Issue dates as a clerk types them — 04/03/2026, 03/2026, 2026 — and as
// the plan keeps them — 2026-03-04, 2026-03, 2026 (docs/plan-data.md,
// `date`). The rules are src/date.rs's: a day the calendar has, a year in
// YEARS. The browser's own date pickers are not used: they show the date
// in the computer's locale (03/04/2026: 3 April or 4 March?) and report a
// half-typed or impossible date as empty, which the plan cannot tell from
// a cleared one.

import { parseYear } from './numbers.js';

const pad = (n) => String(n).padStart(2, '0');

// Each kind complete (`whole`) and on its way there (`start`); `ask` says
// how to type it.
const SHAPES = {
  full: { whole: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$/, start: /^\d{0,2}([/.-]\d{0,2}([/.-]\d{0,3})?)?$/, noun: 'ngày', ask: 'ngày/tháng/năm, ví dụ 04/03/2026' },
  month: { whole: /^(\d{1,2})[/.-](\d+)$/, start: /^\d{0,2}([/.-]\d{0,3})?$/, noun: 'tháng', ask: 'tháng/năm, ví dụ 03/2026' },
  year: { whole: /^(\d+)$/, start: /^\d{0,3}$/, noun: 'năm', ask: 'năm, 4 chữ số, ví dụ 2026' },
};

export const DATE_PLACEHOLDER = { full: 'ngày/tháng/năm', month: 'tháng/năm', year: 'năm', raw: 'ngày/tháng/năm', none: '' };

export function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// The kind of a plan's `date`: a full date, a month, a year, none (null),
// or `raw`, a value of no known shape, shown as it is.
export function dateKind(value) {
  if (value == null) return 'none';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'full';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  return 'raw';
}

// The plan's value as the clerk reads it: 2026-03-04 → 04/03/2026.
export function formatDate(value) {
  if (value == null) return '';
  const kind = dateKind(value);
  if (kind === 'raw') return String(value);
  return value.split('-').reverse().join('/');
}

// The typed text of `kind` (`raw` takes any of the three) → `{ value }` in
// the plan's form, or `{ error, partial }` as numbers.js's parseWhole.
export function parseDate(text, kind) {
  const t = text.trim();
  const k = kind !== 'raw' ? kind : ['year', 'month', 'full'][Math.min(2, (t.match(/[/.-]/g) || []).length)];
  const shape = SHAPES[k];
  const m = shape.whole.exec(t);
  if (!m) {
    const error = t ? `"${t}" chưa phải ${shape.noun}: gõ ${shape.ask}` : `Chưa có ${shape.noun}: gõ ${shape.ask}, hoặc chọn "Để trống"`;
    return { error, partial: shape.start.test(t) };
  }
  const [day, month, yearText] = { full: [m[1], m[2], m[3]], month: [null, m[1], m[2]], year: [null, null, m[1]] }[k];
  const year = parseYear(yearText);
  if (year.error) return year;
  const y = year.value;
  if (month === null) return { value: String(y) };
  const mo = Number(month);
  if (mo < 1 || mo > 12) return { error: `Tháng ${mo} không có thật: chỉ từ 1 đến 12` };
  if (day === null) return { value: `${y}-${pad(mo)}` };
  const d = Number(day);
  const last = daysInMonth(y, mo);
  if (d < 1 || d > last) {
    return { error: `Ngày ${pad(d)}/${pad(mo)}/${y} không có thật: tháng ${mo} năm ${y} có ${last} ngày` };
  }
  return { value: `${y}-${pad(mo)}-${pad(d)}` };
}
