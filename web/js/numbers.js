// Whole numbers typed in the form (Số, năm): the text a clerk types, the
// number the plan takes, or why it cannot take it, in Vietnamese. The
// plan's JSON would take "1e+20" or "-5" and fail far from the field; here
// they are refused at it.

// A Số beyond any register's count. check warns from 10 000 on (R-SO);
// this only keeps out what is no number of a document at all.
export const NUMBER_MAX = 999999;

// Years as src/date.rs `YEARS`: the server refuses any other.
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;

// `{ value }`, or `{ error, partial }`: `partial` when the text may still
// become right as typing goes on, so the message can wait for the user to
// leave the field.
export function parseWhole(text, { min, max, noun, example, digits = 0 }) {
  const t = text.trim();
  if (!/^\d+$/.test(t)) {
    return { error: `${noun} "${t}" không phải số nguyên dương: chỉ gõ chữ số, ví dụ ${example}` };
  }
  const n = Number(t);
  if (n < min || n > max) {
    return { error: `${noun} ${t.replace(/^0+(?=\d)/, '')} nằm ngoài khoảng hợp lý (${min}–${max})`, partial: t.length < digits };
  }
  return { value: n };
}

export const parseNumber = (text) => parseWhole(text, { min: 1, max: NUMBER_MAX, noun: 'Số', example: '45' });

export const parseYear = (text) => parseWhole(text, { min: YEAR_MIN, max: YEAR_MAX, noun: 'Năm', example: '2026', digits: 4 });
