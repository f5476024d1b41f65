// kehoach serve — the browser form.
//
// The page edits one JS object, `state.plan`, in place: every bound control
// carries `data-path` (a JSON path such as `sections[1].content[0].task.lead`)
// and writes its value there on `input`. Fields the form does not show are
// never touched, so a loaded plan keeps everything it had. Structural edits
// (add, delete, move) change the object and re-render the form; each records
// an inverse so that "Hoàn tác" can take it back.
'use strict';

(() => {
  // ---------------------------------------------------------------------
  // Vocabulary shown to the user.

  const DRAFT_KEY = 'kehoach.draft.v1';
  const PREVIEW_DELAY_MS = 300;

  const SEVERITY = {
    error: 'Lỗi',
    warning: 'Cảnh báo',
    hint: 'Gợi ý',
    review: 'Cần xem lại',
  };
  const SEVERITY_RANK = { error: 3, warning: 2, review: 1, hint: 1 };

  const URGENCY = [['', 'Không'], ['khan', 'Khẩn'], ['thuong-khan', 'Thượng khẩn'], ['hoa-toc', 'Hỏa tốc']];
  const NUMBERING = [['letter', 'I. / 1. / a)'], ['decimal', 'I. / 1. / 1.1. / 1.1.1.']];
  const PREFIXES = [['TM', 'TM. (thay mặt)'], ['KT', 'KT. (ký thay)'], ['Q', 'Q. (quyền)'],
    ['TL', 'TL. (thừa lệnh)'], ['TUQ', 'TUQ. (thừa ủy quyền)']];
  const ALIGN = [['', 'Mặc định'], ['left', 'Trái'], ['center', 'Giữa'], ['right', 'Phải'], ['justify', 'Đều hai bên']];
  const MARKERS = [['', 'Gạch ngang (-)'], ['–', 'Gạch dài (–)'], ['+', 'Dấu cộng (+)']];
  const TASK_FIELDS = [['index', 'Số thứ tự'], ['content', 'Nội dung'], ['lead', 'Chủ trì'], ['support', 'Phối hợp'],
    ['deadline', 'Thời gian thực hiện'], ['output', 'Sản phẩm'], ['leader', 'Lãnh đạo phụ trách'], ['note', 'Ghi chú']];
  const TASK_LINES = ['lead', 'support', 'deadline', 'output', 'leader'];
  const LEVEL_NOUN = ['Mục', 'Khoản', 'Điểm'];
  const BLOCK_NOUN = {
    paragraph: 'Đoạn văn', list: 'Danh sách', task: 'Nhiệm vụ', table: 'Bảng', task_table: 'Bảng nhiệm vụ',
    unknown: 'Khối khác',
  };
  const DATE_MODES = [['full', 'Ngày đầy đủ'], ['month', 'Chỉ tháng'], ['year', 'Chỉ năm'], ['none', 'Để trống']];

  // New items, as the user starts them. Sections start without a title key:
  // a khoản or điểm may have none, and typing one creates it.
  const TEMPLATES = {
    paragraph: () => '',
    string: () => '',
    list: () => ({ list: [''] }),
    task: () => ({ task: { content: [''] } }),
    table: () => ({
      table: {
        columns: [{ title: 'STT', width: '1.2cm', align: 'center' }, { title: 'Nội dung' }],
        rows: [['1', '']],
      },
    }),
    task_table: () => ({
      task_table: {
        columns: [
          { field: 'index', title: 'TT', width: '1.2cm', align: 'center' },
          { field: 'content', title: 'Nội dung nhiệm vụ', width: 4, align: 'justify' },
          { field: 'lead', title: 'Đơn vị chủ trì', width: 2 },
          { field: 'support', title: 'Đơn vị phối hợp', width: 2 },
          { field: 'deadline', title: 'Thời gian thực hiện', width: 2 },
        ],
        items: [{ content: [''] }],
      },
    }),
    'task-item': () => ({ content: [''] }),
    'task-column': () => ({ field: 'note', title: 'Ghi chú' }),
    'task-field': () => 'lead',
    authority: () => ({ prefix: 'KT', of: '' }),
    section: () => ({ content: [] }),
    appendix: () => ({ title: '', content: [''] }),
  };

  // Used only when the server cannot be reached for its own blank plan.
  const FALLBACK_BLANK = {
    issuer: { name: '', abbreviation: '' },
    number: null, place: '', date: null, title: '',
    preamble: [''], sections: [{ title: '', content: [''] }],
    recipients: [''], archive: 'VT', signer: { title: '', name: null },
  };

  // ---------------------------------------------------------------------
  // State.

  const state = {
    plan: null,
    name: null,          // file name used by "Lưu" (folder or download)
    blank: FALLBACK_BLANK,
    dir: false,
    fileName: null,      // PDF name proposed by the last preview
    findings: null,      // from the last preview; null before the first
    loadError: null,     // a 422 from the server, shown like a finding
    reviewFlags: [],     // rollover flags kept until the user dismisses them
    shown: [],           // findings currently listed, indexed by the buttons
    editSeq: 0,          // bumped on every change; stale previews are dropped
    undo: [],            // inverse operations, newest last
    collapsed: new WeakSet(), // section/appendix objects the user folded
    groupOpen: new Map(),     // top-level group id → open
    afterInput: new Map(),    // path → function refreshing labels that show it
    rolled: null,
  };

  const $ = (sel) => document.querySelector(sel);
  const form = $('#form');
  const formPane = $('.form-pane');
  const previewEl = $('#preview');
  const statusEl = $('#status');

  // ---------------------------------------------------------------------
  // JSON paths: `sections[1].content[0].task.lead` ⇄ ['sections', 1, 'content', 0, 'task', 'lead'].

  function parsePath(path) {
    const keys = [];
    const re = /([^.[\]]+)|\[(\d+)\]/g;
    let m;
    while ((m = re.exec(path || '')) !== null) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    return keys;
  }

  function formatPath(keys) {
    return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  }

  function getAt(root, keys) {
    let node = root;
    for (const k of keys) {
      if (node == null || typeof node !== 'object') return undefined;
      node = node[k];
    }
    return node;
  }

  const valueAt = (path) => getAt(state.plan, parsePath(path));

  // Creates missing containers on the way; cells past the end of a table row
  // are padded with empty strings so the row stays a row of strings.
  function setAt(root, keys, value) {
    let node = root;
    keys.forEach((k, i) => {
      const last = i === keys.length - 1;
      if (Array.isArray(node) && typeof k === 'number') {
        while (node.length < k) node.push('');
      }
      if (last) {
        node[k] = value;
      } else {
        if (node[k] == null || typeof node[k] !== 'object') node[k] = typeof keys[i + 1] === 'number' ? [] : {};
        node = node[k];
      }
    });
  }

  function hasKey(obj, key) {
    return obj != null && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, key);
  }

  const clone = (v) => JSON.parse(JSON.stringify(v));

  // ---------------------------------------------------------------------
  // Numbers as the document prints them.

  function roman(n) {
    const table = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
      [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
    let out = '';
    for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
    return out;
  }

  // Vietnamese điểm letters: no f, j, w, z; đ after d; doubled past y.
  const LETTERS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');
  function letter(n) {
    return LETTERS[(n - 1) % LETTERS.length].repeat(Math.floor((n - 1) / LETTERS.length) + 1);
  }

  function sectionNumber(positions) {
    const style = state.plan.numbering === 'decimal' ? 'decimal' : 'letter';
    if (positions.length === 1) return `${roman(positions[0])}.`;
    if (positions.length === 2) return `${positions[1]}.`;
    if (style === 'letter') return positions.length === 3 ? `${letter(positions[2])})` : '-';
    return positions.slice(1).map((n) => `${n}.`).join('');
  }

  function appendixLabel(appendix, index, count) {
    if (appendix && typeof appendix.label === 'string' && appendix.label.trim()) return appendix.label;
    return count === 1 ? 'PHỤ LỤC' : `Phụ lục ${roman(index + 1)}`;
  }

  // ---------------------------------------------------------------------
  // DOM helpers.

  let idSeq = 0;
  const uid = (prefix = 'f') => `${prefix}${++idSeq}`;

  function h(tag, attrs, ...children) {
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

  const vh = (text) => h('span', { class: 'visually-hidden' }, text);

  function button(text, attrs = {}) {
    return h('button', { type: 'button', ...attrs }, text);
  }

  function display(value) {
    if (value == null) return '';
    if (Array.isArray(value)) return value.join('\n');
    return String(value);
  }

  function options(list, current) {
    const known = list.some(([v]) => v === (current ?? ''));
    const all = known || current == null ? list : [...list, [current, `${current} (không hợp lệ)`]];
    return all.map(([v, label]) => h('option', { value: v, selected: v === (current ?? '') }, label));
  }

  // ---------------------------------------------------------------------
  // Field builders. `kind` says how the typed text becomes JSON (see convert).

  function hintEl(text, id) {
    return text ? h('p', { class: 'hint', id }, text) : null;
  }

  function textControl(path, opts = {}) {
    const value = valueAt(path);
    const multiline = opts.multiline || (typeof value === 'string' && value.includes('\n'));
    const attrs = {
      id: opts.id || uid(),
      'data-path': path,
      'data-kind': opts.kind || 'str',
      placeholder: opts.placeholder,
      spellcheck: opts.spellcheck === false ? 'false' : null,
      'aria-describedby': opts.describedBy,
      class: opts.class,
      inputmode: opts.inputmode,
    };
    const el = multiline
      ? h('textarea', { ...attrs, rows: opts.rows || 2 })
      : h('input', { ...attrs, type: opts.type || 'text', min: opts.min, step: opts.step });
    el.value = display(value);
    return el;
  }

  function textField(path, label, opts = {}) {
    const id = uid();
    const hintId = opts.hint ? uid('h') : null;
    return h('div', { class: `field${opts.inline ? ' inline' : ''}` },
      h('label', { for: id }, label),
      textControl(path, { ...opts, id, describedBy: hintId }),
      hintEl(opts.hint, hintId));
  }

  function selectField(path, label, list, opts = {}) {
    const id = uid();
    const current = valueAt(path) ?? opts.fallback ?? null;
    const hintId = opts.hint ? uid('h') : null;
    return h('div', { class: 'field' },
      h('label', { for: id }, label),
      h('select', {
        id, 'data-path': path, 'data-kind': opts.kind || 'opt', 'data-rerender': opts.rerender,
        'aria-describedby': hintId,
      }, options(list, current)),
      hintEl(opts.hint, hintId));
  }

  function checkField(path, label, opts = {}) {
    const id = uid();
    return h('div', { class: 'field check' },
      h('input', { type: 'checkbox', id, 'data-path': path, 'data-kind': 'bool', checked: valueAt(path) === true }),
      h('label', { for: id }, label),
      opts.hint ? h('span', { class: 'hint' }, ` — ${opts.hint}`) : null);
  }

  // Up / down / delete for an item of any array. The buttons name their item
  // with `data-item`, not `data-path`, so that a path selects only its control.
  function itemButtons(itemPath, index, count, noun) {
    return h('span', { class: 'item-actions', role: 'group', 'aria-label': `Sắp xếp ${noun}` },
      button('Lên', { 'data-action': 'item-up', 'data-item': itemPath, disabled: index === 0, 'aria-label': `Chuyển ${noun} lên` }),
      button('Xuống', { 'data-action': 'item-down', 'data-item': itemPath, disabled: index === count - 1, 'aria-label': `Chuyển ${noun} xuống` }),
      button('Xóa', { 'data-action': 'item-delete', 'data-item': itemPath, class: 'danger', 'aria-label': `Xóa ${noun}` }));
  }

  function addButton(text, arrPath, kind, extra = {}) {
    return button(text, { 'data-action': 'add', 'data-item': arrPath, 'data-kind': kind, class: 'add', ...extra });
  }

  // A collapsible top-level part of the form, remembered across re-renders.
  function group(id, title, children, { open = true, box } = {}) {
    const isOpen = state.groupOpen.has(id) ? state.groupOpen.get(id) : open;
    const el = h('details', { class: 'group', id, open: isOpen, 'data-box': box },
      h('summary', {}, h('h2', {}, title)),
      h('div', { class: 'group-body' }, children));
    el.addEventListener('toggle', () => state.groupOpen.set(id, el.open));
    return el;
  }

  // ---------------------------------------------------------------------
  // The whole form.

  const GROUPS = [
    ['g-header', 'Cơ quan, số, ngày'],
    ['g-title', 'Trích yếu'],
    ['g-intro', 'Căn cứ, mở đầu'],
    ['g-body', 'Nội dung'],
    ['g-closing', 'Phần kết'],
    ['g-recipients', 'Nơi nhận'],
    ['g-signer', 'Người ký'],
    ['g-appendices', 'Phụ lục'],
    ['g-advanced', 'Nâng cao'],
  ];

  function renderNav() {
    $('#form-nav').replaceChildren(...GROUPS.map(([id, title]) => h('a', { href: `#${id}` }, title)));
  }

  function renderForm() {
    const top = formPane.scrollTop;
    idSeq = 0;
    state.afterInput = new Map();
    form.replaceChildren(
      headerGroup(), titleGroup(), introGroup(), bodyGroup(), closingGroup(),
      recipientsGroup(), signerGroup(), appendicesGroup(), advancedGroup());
    applyFindingsToForm();
    formPane.scrollTop = top;
  }

  function headerGroup() {
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
      kind: 'int-opt', type: 'number', step: 1, placeholder: dateYear(),
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
        textField('number', 'Số', { kind: 'int-null', type: 'number', min: 1, step: 1, hint: 'Bỏ trống để văn thư điền.' }),
        symbol,
        textField('place', 'Địa danh', { hint: 'Ví dụ: Lạng Sơn' })),
      dateField(),
      h('div', { class: 'grid2' }, year, selectField('urgency', 'Độ khẩn', URGENCY)),
    ]);
  }

  // The date: a full date, a month, a year, or blank (null) for a draft.
  function dateMode(value) {
    if (value == null) return 'none';
    // A date the calendar does not have (30/2) stays visible as typed: a
    // date input would silently show it empty.
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return realDate(value) ? 'full' : 'raw';
    if (/^\d{4}-\d{2}$/.test(value)) return Number(value.slice(5)) >= 1 && Number(value.slice(5)) <= 12 ? 'month' : 'raw';
    if (/^\d{4}$/.test(value)) return 'year';
    return 'raw';
  }

  function realDate(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }

  const DATE_INPUT = {
    full: { type: 'date', placeholder: '' },
    month: { type: 'month', placeholder: 'năm-tháng, ví dụ 2026-03' },
    year: { type: 'number', placeholder: 'ví dụ 2026' },
    none: { type: 'text', placeholder: '' },
    raw: { type: 'text', placeholder: 'năm-tháng-ngày' },
  };

  function dateField() {
    const value = valueAt('date');
    const mode = dateMode(value);
    const modeId = uid();
    const inputId = uid();
    const list = mode === 'raw' ? [...DATE_MODES, ['raw', 'Giá trị khác']] : DATE_MODES;
    const input = h('input', {
      id: inputId, 'data-path': 'date', 'data-kind': 'date',
      type: DATE_INPUT[mode].type, placeholder: DATE_INPUT[mode].placeholder,
      min: mode === 'year' ? 1900 : null, max: mode === 'year' ? 2200 : null,
    });
    input.value = mode === 'none' ? '' : display(value);
    const inputWrap = h('span', { class: 'date-input', hidden: mode === 'none' },
      h('label', { for: inputId, class: 'visually-hidden' }, 'Ngày ban hành'), input);
    return h('div', { class: 'field date-field', 'data-box': 'date' },
      h('label', { for: modeId }, 'Ngày ban hành'),
      h('div', { class: 'row' },
        h('select', { id: modeId, 'data-control': 'date-mode' }, options(list, mode)),
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

  // Switching the kind of date keeps what is known: narrowing cuts the value,
  // widening fills the first day or month so the user only corrects it.
  function onDateModeChange(select) {
    const old = valueAt('date');
    const mode = select.value;
    const today = new Date();
    const y = (typeof old === 'string' && old.slice(0, 4)) || String(valueAt('year') || today.getFullYear());
    const m = (typeof old === 'string' && old.slice(5, 7)) || String(today.getMonth() + 1).padStart(2, '0');
    const d = (typeof old === 'string' && old.slice(8, 10)) || '01';
    const next = { full: `${y}-${m}-${d}`, month: `${y}-${m}`, year: y, none: null, raw: old }[mode];
    state.plan.date = next;
    const input = form.querySelector('input[data-path="date"]');
    input.type = DATE_INPUT[mode].type;
    input.placeholder = DATE_INPUT[mode].placeholder;
    input.value = next ?? '';
    input.closest('.date-input').hidden = mode === 'none';
    state.afterInput.get('date')();
    changed();
    if (mode !== 'none') input.focus();
  }

  function titleGroup() {
    return group('g-title', 'Trích yếu', [
      textField('title', 'Trích yếu nội dung', { multiline: true, rows: 3, hint: 'Ví dụ: Thực hiện phong trào thi đua ngành Tư pháp năm 2026' }),
      textField('subtitle', 'Dòng dưới trích yếu (in nghiêng)', { kind: 'opt', hint: 'Không bắt buộc, ví dụ: (Ban hành kèm theo …)' }),
    ]);
  }

  function introGroup() {
    return group('g-intro', 'Căn cứ, mở đầu', [
      stringList('bases', 'Căn cứ', {
        noun: 'căn cứ', add: 'Thêm căn cứ', multiline: true,
        hint: 'Mỗi căn cứ in nghiêng trên một dòng. Bỏ trống nếu phần mở đầu đã nêu căn cứ.',
      }),
      blockList('preamble', valueAt('preamble') || [], {
        legend: 'Phần mở đầu', adders: ['paragraph', 'list'],
        hint: 'Đoạn "Thực hiện …", "Căn cứ …" trước mục I.',
      }),
    ]);
  }

  function bodyGroup() {
    const sections = valueAt('sections');
    return group('g-body', 'Nội dung', [
      selectField('numbering', 'Cách đánh số mục', NUMBERING, { kind: 'str', fallback: 'letter', rerender: true }),
      sectionList('sections', Array.isArray(sections) ? sections : [], []),
      button('Thêm mục', { id: 'add-section', 'data-action': 'add-section', class: 'add' }),
    ], { box: 'sections' });
  }

  function closingGroup() {
    return group('g-closing', 'Phần kết', [
      blockList('closing', valueAt('closing') || [], {
        legend: 'Phần kết', adders: ['paragraph', 'list'],
        hint: '"Trên đây là Kế hoạch …". Dấu ./. do chương trình tự thêm.',
      }),
    ]);
  }

  function recipientsGroup() {
    return group('g-recipients', 'Nơi nhận', [
      stringList('recipients', 'Nơi nhận', {
        noun: 'nơi nhận', add: 'Thêm nơi nhận',
        hint: 'Không gõ dấu "-" ở đầu và ";" ở cuối: chương trình tự thêm.',
      }),
      textField('archive', 'Lưu', { spellcheck: false, hint: 'Ví dụ: VT, VP (CTH) — in thành "- Lưu: VT, VP (CTH)."' }),
    ]);
  }

  function signerGroup() {
    const authority = valueAt('signer.authority');
    const rows = (Array.isArray(authority) ? authority : []).map((a, i, all) => {
      const path = `signer.authority[${i}]`;
      const prefixId = uid();
      return h('li', { class: 'item-row authority', 'data-box': path },
        h('label', { for: prefixId, class: 'visually-hidden' }, `Quyền hạn ký ${i + 1}: tiền tố`),
        h('select', { id: prefixId, 'data-path': `${path}.prefix`, 'data-kind': 'str' }, options(PREFIXES, a && a.prefix)),
        textField(`${path}.of`, `Dòng ${i + 1}: thay mặt / ký thay cho`, { placeholder: 'ví dụ: GIÁM ĐỐC' }),
        itemButtons(path, i, all.length, `dòng quyền hạn ${i + 1}`));
    });
    return group('g-signer', 'Người ký', [
      h('fieldset', { class: 'list-editor', 'data-box': 'signer.authority' },
        h('legend', {}, 'Quyền hạn ký'),
        h('p', { class: 'hint' }, 'Bỏ trống khi người đứng đầu ký. Nhiều dòng xếp chồng, ví dụ TM. ỦY BAN NHÂN DÂN rồi KT. CHỦ TỊCH.'),
        h('ol', { class: 'items' }, rows),
        addButton('Thêm dòng quyền hạn', 'signer.authority', 'authority')),
      h('div', { class: 'grid2' },
        textField('signer.title', 'Chức vụ', { kind: 'opt', hint: 'Ví dụ: PHÓ GIÁM ĐỐC' }),
        textField('signer.name', 'Họ và tên', { kind: 'opt', hint: 'Bỏ trống khi chưa biết; chỗ ký vẫn chừa.' }),
        textField('signer.signature_image', 'Ảnh chữ ký (tệp PNG)', { kind: 'opt', spellcheck: false, hint: 'Tên tệp, để cùng thư mục với tệp kế hoạch.' }),
        textField('signer.seal_image', 'Ảnh con dấu (tệp PNG)', { kind: 'opt', spellcheck: false, hint: 'Tên tệp, để cùng thư mục với tệp kế hoạch.' })),
    ], { box: 'signer' });
  }

  function appendicesGroup() {
    const list = valueAt('appendices');
    const items = Array.isArray(list) ? list : [];
    return group('g-appendices', 'Phụ lục', [
      items.length ? null : h('p', { class: 'muted' }, 'Chưa có phụ lục.'),
      items.map((a, i) => appendixEditor(a, i, items.length)),
      button('Thêm phụ lục', { id: 'add-appendix', 'data-action': 'add', 'data-item': 'appendices', 'data-kind': 'appendix', class: 'add' }),
    ], { box: 'appendices' });
  }

  function appendixEditor(appendix, index, count) {
    const path = `appendices[${index}]`;
    const label = appendixLabel(appendix, index, count);
    const summaryText = h('span', { class: 'sec-title' });
    const refresh = () => {
      const a = valueAt(path) || {};
      summaryText.textContent = `${appendixLabel(a, index, count)} — ${a.title || '(chưa có tên)'}`;
    };
    refresh();
    state.afterInput.set(`${path}.title`, refresh);
    state.afterInput.set(`${path}.label`, refresh);
    const el = h('details', { class: 'appendix', 'data-box': path, open: !state.collapsed.has(appendix) },
      h('summary', {}, summaryText),
      h('div', { class: 'section-body' },
        h('div', { class: 'sec-actions' }, itemButtons(path, index, count, label)),
        h('div', { class: 'grid2' },
          textField(`${path}.label`, 'Nhãn', { kind: 'opt', placeholder: label, hint: 'Bỏ trống để dùng "Phụ lục I", "Phụ lục II" …' }),
          referenceField(path, appendix)),
        textField(`${path}.title`, 'Tên phụ lục', { multiline: true, rows: 2, hint: 'Chữ in hoa.' }),
        textField(`${path}.subtitle`, 'Dòng dưới tên', { kind: 'opt' }),
        checkField(`${path}.landscape`, 'In trên trang nằm ngang'),
        blockList(`${path}.content`, (appendix && appendix.content) || [], {
          legend: 'Nội dung phụ lục', adders: ['paragraph', 'list', 'task', 'table', 'task_table'],
        }),
        h('div', { class: 'subsections' },
          h('h3', { class: 'sub-heading' }, 'Các mục của phụ lục'),
          sectionList(`${path}.sections`, (appendix && Array.isArray(appendix.sections)) ? appendix.sections : [], []),
          button('Thêm mục vào phụ lục', { 'data-action': 'add-appendix-section', 'data-path': path, class: 'add' }))));
    watchCollapse(el, appendix);
    return el;
  }

  // "Kèm theo Kế hoạch số …": default (absent), a text of one's own, or none (false).
  function referenceField(path, appendix) {
    const value = appendix ? appendix.reference : undefined;
    const mode = typeof value === 'string' ? 'custom' : value === false ? 'none' : 'default';
    const modeId = uid();
    const refPath = `${path}.reference`;
    const text = textField(refPath, 'Dòng kèm theo tự viết', { kind: 'str', placeholder: '(Kèm theo Kế hoạch số …)' });
    text.hidden = mode !== 'custom';
    return h('div', { class: 'field', 'data-box': refPath },
      h('label', { for: modeId }, 'Dòng "Kèm theo Kế hoạch …"'),
      h('select', { id: modeId, 'data-control': 'ref-mode', 'data-item': refPath },
        options([['default', 'Chương trình tự điền'], ['custom', 'Tự viết'], ['none', 'Không in']], mode)),
      text);
  }

  function onRefModeChange(select) {
    const keys = parsePath(select.dataset.item);
    const owner = getAt(state.plan, keys.slice(0, -1));
    if (!owner) return;
    const old = owner.reference;
    const next = select.value;
    if (next === 'default') delete owner.reference;
    else if (next === 'none') owner.reference = false;
    else owner.reference = typeof old === 'string' ? old : '';
    record(() => { if (old === undefined) delete owner.reference; else owner.reference = old; });
    structuralChange({ path: select.dataset.item });
  }

  function advancedGroup() {
    const order = valueAt('task_order');
    const hasOrder = Array.isArray(order);
    const orderId = uid();
    return group('g-advanced', 'Nâng cao', [
      h('fieldset', { class: 'list-editor', 'data-box': 'task_labels' },
        h('legend', {}, 'Nhãn in trước các dòng của nhiệm vụ'),
        h('p', { class: 'hint' }, 'Bỏ trống để dùng nhãn mặc định.'),
        h('div', { class: 'grid2' },
          textField('task_labels.lead', 'Nhãn chủ trì', { kind: 'opt', placeholder: 'Chủ trì thực hiện' }),
          textField('task_labels.support', 'Nhãn phối hợp', { kind: 'opt', placeholder: 'Phối hợp thực hiện' }),
          textField('task_labels.deadline', 'Nhãn thời gian', { kind: 'opt', placeholder: 'Thời gian thực hiện' }),
          textField('task_labels.output', 'Nhãn sản phẩm', { kind: 'opt', placeholder: 'Sản phẩm' }),
          textField('task_labels.leader', 'Nhãn lãnh đạo phụ trách', { kind: 'opt', placeholder: 'Lãnh đạo phụ trách' }))),
      h('fieldset', { class: 'list-editor', 'data-box': 'task_order' },
        h('legend', {}, 'Thứ tự các dòng dưới nhiệm vụ'),
        h('div', { class: 'field check' },
          h('input', { type: 'checkbox', id: orderId, 'data-control': 'task-order', checked: hasOrder }),
          h('label', { for: orderId }, 'Dùng thứ tự riêng (mặc định: chủ trì, phối hợp, thời gian, sản phẩm, lãnh đạo)')),
        hasOrder ? h('ol', { class: 'items' }, order.map((f, i) => {
          const id = uid();
          return h('li', { class: 'item-row' },
            h('label', { for: id }, `${i + 1}.`),
            h('select', { id, 'data-path': `task_order[${i}]`, 'data-kind': 'str' }, options(TASK_FIELDS, f)),
            itemButtons(`task_order[${i}]`, i, order.length, `dòng ${i + 1}`));
        })) : null,
        hasOrder ? addButton('Thêm dòng', 'task_order', 'task-field') : null),
      checkField('gather_tasks', 'Gom mọi nhiệm vụ thành bảng ở phụ lục "PHÂN CÔNG NHIỆM VỤ"'),
    ], { open: false });
  }

  function onTaskOrderToggle(box) {
    const old = state.plan.task_order;
    if (box.checked) state.plan.task_order = [...TASK_LINES];
    else delete state.plan.task_order;
    record(() => { if (old === undefined) delete state.plan.task_order; else state.plan.task_order = old; });
    structuralChange({ path: 'task_order' });
  }

  // A list of plain strings (recipients, căn cứ), one control each.
  function stringList(arrPath, legend, opts) {
    const list = valueAt(arrPath);
    const items = Array.isArray(list) ? list : [];
    const hintId = opts.hint ? uid('h') : null;
    return h('fieldset', { class: 'list-editor', 'data-box': arrPath, 'aria-describedby': hintId },
      h('legend', {}, legend),
      hintEl(opts.hint, hintId),
      h('ol', { class: 'items' }, items.map((_, i) => {
        const path = `${arrPath}[${i}]`;
        const id = uid();
        return h('li', { class: 'item-row' },
          h('label', { for: id }, vh(`${legend} `), `${i + 1}.`),
          textControl(path, { id, multiline: opts.multiline }),
          itemButtons(path, i, items.length, `${opts.noun} ${i + 1}`));
      })),
      addButton(opts.add, arrPath, 'string'));
  }

  // ---------------------------------------------------------------------
  // Sections: a tree, the same editor for the body and for appendices.

  function sectionList(arrPath, sections, parentPositions) {
    return h('div', { class: 'sections', 'data-box': sections.length ? null : arrPath },
      sections.map((s, i) => sectionEditor(`${arrPath}[${i}]`, s, [...parentPositions, i + 1], sections.length)));
  }

  function canOutdent(path) {
    const keys = parsePath(path);
    const parentKeys = keys.slice(0, -2);
    return keys.length >= 4 && keys[keys.length - 2] === 'sections' &&
      typeof parentKeys[parentKeys.length - 1] === 'number' && parentKeys[parentKeys.length - 2] === 'sections';
  }

  function sectionEditor(path, section, positions, count) {
    const sec = section && typeof section === 'object' ? section : {};
    const index = positions[positions.length - 1] - 1;
    const depth = positions.length;
    const noun = LEVEL_NOUN[depth - 1] || 'Ý';
    const numEl = h('span', { class: 'sec-num' });
    const titleEl = h('span', { class: 'sec-title' });
    const refresh = () => {
      const s = valueAt(path) || {};
      const num = typeof s.number === 'string' && s.number.trim() ? s.number : sectionNumber(positions);
      numEl.textContent = `${noun} ${num}`;
      titleEl.textContent = s.title ? ` ${s.title}` : ' (không có tên)';
    };
    refresh();
    state.afterInput.set(`${path}.title`, refresh);
    state.afterInput.set(`${path}.number`, refresh);
    const label = () => `${noun.toLowerCase()} ${numEl.textContent.slice(noun.length + 1)}`;
    const act = (text, action, extra = {}) =>
      button(text, { 'data-action': action, 'data-path': path, 'aria-label': `${extra.aria || text} (${label()})`, ...extra.attrs });

    const children = Array.isArray(sec.sections) ? sec.sections : [];
    const after = Array.isArray(sec.after) ? sec.after : [];
    const el = h('details', { class: `section depth-${Math.min(depth, 4)}`, 'data-box': path, open: !state.collapsed.has(section) },
      h('summary', {}, numEl, titleEl),
      h('div', { class: 'section-body' },
        h('div', { class: 'sec-actions', role: 'group', 'aria-label': `Sắp xếp ${label()}` },
          act('Lên', 'up', { aria: 'Chuyển lên', attrs: { disabled: index === 0 } }),
          act('Xuống', 'down', { aria: 'Chuyển xuống', attrs: { disabled: index === count - 1 } }),
          act('Thụt vào', 'indent', { aria: 'Thụt vào thành mục con của mục trên', attrs: { disabled: index === 0 } }),
          act('Lùi ra', 'outdent', { aria: 'Lùi ra ngang cấp mục cha', attrs: { disabled: !canOutdent(path) } }),
          act('Xóa', 'delete', { aria: 'Xóa', attrs: { class: 'danger' } })),
        textField(`${path}.title`, `Tên ${noun.toLowerCase()}`, {
          kind: 'opt', multiline: true, rows: 1, class: 'sec-title-input',
          hint: depth === 1 ? 'Mục cấp 1 viết chữ in hoa.' : null,
        }),
        h('div', { class: 'row options' },
          checkField(`${path}.run_in`, 'Tên liền đoạn', { hint: 'in số và tên ở đầu đoạn đầu tiên' }),
          textField(`${path}.number`, 'Số giữ nguyên', { kind: 'opt', spellcheck: false, inline: true, placeholder: sectionNumber(positions) })),
        blockList(`${path}.content`, Array.isArray(sec.content) ? sec.content : [], { legend: 'Nội dung', section: path }),
        h('div', { class: 'subsections' },
          children.length ? sectionList(`${path}.sections`, children, positions) : null,
          act(`Thêm ${(LEVEL_NOUN[depth] || 'ý').toLowerCase()} con`, 'add-subsection', { attrs: { class: 'add' } })),
        after.length || children.length
          ? blockList(`${path}.after`, after, { legend: 'Đoạn sau các mục con', adders: ['paragraph'], compact: true })
          : null));
    watchCollapse(el, section);
    return el;
  }

  function watchCollapse(details, obj) {
    if (!obj || typeof obj !== 'object') return;
    details.addEventListener('toggle', () => {
      if (details.open) state.collapsed.delete(obj); else state.collapsed.add(obj);
    });
  }

  // ---------------------------------------------------------------------
  // Blocks: paragraph strings, lists, tasks, tables, task tables.

  function blockKind(block) {
    if (typeof block === 'string') return 'paragraph';
    if (block && typeof block === 'object') {
      for (const k of ['list', 'task', 'table', 'task_table']) if (hasKey(block, k)) return k;
    }
    return 'unknown';
  }

  // `opts.section`: the section path whose hook buttons (add-paragraph …) add here.
  function blockList(arrPath, blocks, opts) {
    const adders = opts.section
      ? h('div', { class: 'adders', role: 'group', 'aria-label': `Thêm vào ${opts.legend.toLowerCase()}` },
        h('span', { class: 'muted' }, 'Thêm:'),
        ['paragraph', 'list', 'task', 'table'].map((kind) =>
          button(BLOCK_NOUN[kind], { 'data-action': `add-${kind}`, 'data-path': opts.section, class: 'add' })),
        button(BLOCK_NOUN.task_table, { 'data-action': 'add-task-table', 'data-path': opts.section, class: 'add' }))
      : h('div', { class: 'adders', role: 'group', 'aria-label': `Thêm vào ${opts.legend.toLowerCase()}` },
        h('span', { class: 'muted' }, 'Thêm:'),
        (opts.adders || ['paragraph']).map((kind) => addButton(BLOCK_NOUN[kind], arrPath, kind)));
    const hintId = opts.hint ? uid('h') : null;
    return h('fieldset', { class: `blocks ${opts.compact ? 'compact' : ''}`, 'data-box': arrPath, 'aria-describedby': hintId },
      h('legend', {}, opts.legend),
      hintEl(opts.hint, hintId),
      blocks.map((b, i) => blockEditor(`${arrPath}[${i}]`, b, i, blocks.length)),
      adders);
  }

  function blockEditor(path, block, index, count) {
    const kind = blockKind(block);
    const noun = `${BLOCK_NOUN[kind].toLowerCase()} ${index + 1}`;
    const id = uid();
    const head = h('div', { class: 'block-head' },
      kind === 'paragraph'
        ? h('label', { for: id, class: 'block-label' }, `${BLOCK_NOUN[kind]} ${index + 1}`)
        : h('span', { class: 'block-label' }, `${BLOCK_NOUN[kind]} ${index + 1}`),
      kind === 'paragraph' ? formatButtons(id) : null,
      itemButtons(path, index, count, noun));
    let body;
    if (kind === 'paragraph') body = textControl(path, { id, multiline: true, rows: 2, class: 'para' });
    else if (kind === 'list') body = listEditor(path, block);
    else if (kind === 'task') body = taskEditor(`${path}.task`, block.task);
    else if (kind === 'table') body = tableEditor(`${path}.table`, block.table);
    else if (kind === 'task_table') body = taskTableEditor(`${path}.task_table`, block.task_table);
    else body = jsonEditor(path, block);
    return h('div', { class: `block block-${kind}`, 'data-box': path }, head, h('div', { class: 'block-body' }, body));
  }

  // The inline markup toolbar of a paragraph: **đậm**, *nghiêng*, ^[chú thích].
  function formatButtons(targetId) {
    return h('span', { class: 'fmt', role: 'group', 'aria-label': 'Định dạng' },
      button(h('b', {}, 'đậm'), { 'data-action': 'fmt', 'data-kind': 'bold', 'data-for': targetId, 'aria-label': 'In đậm phần chọn', title: 'In đậm (Ctrl+B)' }),
      button(h('i', {}, 'nghiêng'), { 'data-action': 'fmt', 'data-kind': 'italic', 'data-for': targetId, 'aria-label': 'In nghiêng phần chọn', title: 'In nghiêng (Ctrl+I)' }),
      button('chú thích', { 'data-action': 'fmt', 'data-kind': 'note', 'data-for': targetId, 'aria-label': 'Thêm chú thích cuối trang', title: 'Chú thích cuối trang' }));
  }

  function listEditor(path, block) {
    const items = Array.isArray(block.list) ? block.list : [];
    const markerId = uid();
    return h('div', { class: 'list-block' },
      h('div', { class: 'field inline' },
        h('label', { for: markerId }, 'Dấu đầu dòng'),
        h('select', { id: markerId, 'data-path': `${path}.marker`, 'data-kind': 'opt' }, options(MARKERS, block.marker ?? ''))),
      h('ol', { class: 'items' }, items.map((item, i) => {
        const itemPath = `${path}.list[${i}]`;
        if (typeof item !== 'string') return h('li', {}, blockEditor(itemPath, item, i, items.length));
        const id = uid();
        return h('li', { class: 'item-row', 'data-box': itemPath },
          h('label', { for: id }, vh('Ý '), `${i + 1}.`),
          textControl(itemPath, { id, multiline: true, rows: 1, class: 'para' }),
          itemButtons(itemPath, i, items.length, `ý ${i + 1}`));
      })),
      addButton('Thêm ý', `${path}.list`, 'string'));
  }

  // One task's fields; used for task blocks and for task-table rows.
  function taskEditor(path, task) {
    const t = task && typeof task === 'object' ? task : {};
    const labels = valueAt('task_labels') || {};
    return h('div', { class: 'task' },
      blockList(`${path}.content`, Array.isArray(t.content) ? t.content : [], { legend: 'Nội dung nhiệm vụ', adders: ['paragraph', 'list'], compact: true }),
      h('div', { class: 'grid2' },
        textField(`${path}.lead`, labels.lead || 'Chủ trì thực hiện', { kind: 'units', multiline: true, rows: 1, hint: 'Mỗi đơn vị một dòng.' }),
        textField(`${path}.support`, labels.support || 'Phối hợp thực hiện', { kind: 'units', multiline: true, rows: 1, hint: 'Mỗi đơn vị một dòng.' }),
        textField(`${path}.deadline`, labels.deadline || 'Thời gian thực hiện', { kind: 'opt' }),
        textField(`${path}.output`, labels.output || 'Sản phẩm', { kind: 'opt' }),
        textField(`${path}.leader`, labels.leader || 'Lãnh đạo phụ trách', { kind: 'opt' }),
        textField(`${path}.note`, 'Ghi chú', { kind: 'opt', hint: 'Chỉ in trong bảng nhiệm vụ.' })));
  }

  function columnRow(path, col, i, count, withField) {
    const fieldId = uid();
    const alignId = uid();
    return h('tr', { 'data-box': path },
      withField ? h('td', {},
        h('label', { for: fieldId, class: 'visually-hidden' }, `Cột ${i + 1}: trường`),
        h('select', { id: fieldId, 'data-path': `${path}.field`, 'data-kind': 'str' }, options(TASK_FIELDS, col && col.field))) : null,
      h('td', {}, labelled(`${path}.title`, `Cột ${i + 1}: tiêu đề`, { kind: 'str' })),
      h('td', { class: 'narrow' }, labelled(`${path}.width`, `Cột ${i + 1}: độ rộng`, { kind: 'width', spellcheck: false, placeholder: 'tự động' })),
      h('td', {},
        h('label', { for: alignId, class: 'visually-hidden' }, `Cột ${i + 1}: căn lề`),
        h('select', { id: alignId, 'data-path': `${path}.align`, 'data-kind': 'opt' }, options(ALIGN, col && col.align))),
      h('td', { class: 'actions' }, withField
        ? itemButtons(path, i, count, `cột ${i + 1}`)
        : h('span', { class: 'item-actions', role: 'group', 'aria-label': `Sắp xếp cột ${i + 1}` },
          button('Trái', { 'data-action': 'col-left', 'data-item': path, disabled: i === 0, 'aria-label': `Chuyển cột ${i + 1} sang trái` }),
          button('Phải', { 'data-action': 'col-right', 'data-item': path, disabled: i === count - 1, 'aria-label': `Chuyển cột ${i + 1} sang phải` }),
          button('Xóa', { 'data-action': 'col-delete', 'data-item': path, class: 'danger', 'aria-label': `Xóa cột ${i + 1}` }))));
  }

  // A control with a label only screen readers see (table cells).
  function labelled(path, label, opts) {
    const id = uid();
    return h('span', { class: 'cell' }, h('label', { for: id, class: 'visually-hidden' }, label), textControl(path, { ...opts, id }));
  }

  function columnsTable(path, columns, withField) {
    return h('div', { class: 'scroll-x' },
      h('table', { class: 'grid columns' },
        h('thead', {}, h('tr', {},
          withField ? h('th', { scope: 'col' }, 'Trường') : null,
          h('th', { scope: 'col' }, 'Tiêu đề cột'),
          h('th', { scope: 'col' }, 'Độ rộng'),
          h('th', { scope: 'col' }, 'Căn lề'),
          h('th', { scope: 'col' }, vh('Thao tác')))),
        h('tbody', { 'data-box': path }, columns.map((c, i) => columnRow(`${path}[${i}]`, c, i, columns.length, withField)))));
  }

  function tableEditor(path, table) {
    const t = table && typeof table === 'object' ? table : {};
    const columns = Array.isArray(t.columns) ? t.columns : [];
    const headerRows = Array.isArray(t.header_rows) ? t.header_rows : [];
    const rows = Array.isArray(t.rows) ? t.rows : [];
    const colTitle = (c) => (columns[c] && columns[c].title) || `cột ${c + 1}`;
    const width = Math.max(columns.length, ...rows.map((r) => (Array.isArray(r) ? r.length : 0)),
      ...headerRows.map((r) => (Array.isArray(r) ? r.length : 0)));

    const gridRows = (arrPath, list, noun) => list.map((row, r) => {
      const rowPath = `${arrPath}[${r}]`;
      const cells = [];
      for (let c = 0; c < width; c++) {
        cells.push(h('td', {}, labelled(`${rowPath}[${c}]`, `${noun} ${r + 1}, ${colTitle(c)}`, { kind: 'str', multiline: arrPath.endsWith('.rows'), rows: 1 })));
      }
      return h('tr', { 'data-box': rowPath }, cells, h('td', { class: 'actions' }, itemButtons(rowPath, r, list.length, `${noun.toLowerCase()} ${r + 1}`)));
    });

    const head = h('tr', {}, Array.from({ length: width }, (_, c) => h('th', { scope: 'col' }, colTitle(c))), h('th', {}, vh('Thao tác')));
    return h('div', { class: 'table-editor' },
      h('div', { class: 'grid2' },
        textField(`${path}.caption`, 'Tên bảng', { kind: 'opt' }),
        checkField(`${path}.landscape`, 'In trên trang nằm ngang')),
      h('h4', {}, 'Các cột'),
      columnsTable(`${path}.columns`, columns, false),
      button('Thêm cột', { 'data-action': 'col-add', 'data-item': path, class: 'add' }),
      h('h4', {}, 'Các dòng'),
      h('div', { class: 'scroll-x' },
        h('table', { class: 'grid cells' },
          h('thead', {}, head),
          h('tbody', { 'data-box': `${path}.header_rows`, class: 'header-rows' }, gridRows(`${path}.header_rows`, headerRows, 'Dòng tiêu đề')),
          h('tbody', { 'data-box': `${path}.rows` }, gridRows(`${path}.rows`, rows, 'Dòng')))),
      h('div', { class: 'adders' },
        button('Thêm dòng', { 'data-action': 'row-add', 'data-item': `${path}.rows`, class: 'add' }),
        button('Thêm dòng tiêu đề', { 'data-action': 'row-add', 'data-item': `${path}.header_rows`, class: 'add' }),
        button('Thêm dòng (1) (2) …', { 'data-action': 'row-add', 'data-item': `${path}.header_rows`, 'data-kind': 'numbered', class: 'add' })));
  }

  function taskTableEditor(path, taskTable) {
    const t = taskTable && typeof taskTable === 'object' ? taskTable : {};
    const columns = Array.isArray(t.columns) ? t.columns : [];
    const items = Array.isArray(t.items) ? t.items : [];
    return h('div', { class: 'table-editor' },
      h('div', { class: 'row options' },
        checkField(`${path}.number_row`, 'Thêm dòng đánh số (1) (2) … dưới tiêu đề'),
        checkField(`${path}.landscape`, 'In trên trang nằm ngang')),
      h('h4', {}, 'Các cột'),
      columnsTable(`${path}.columns`, columns, true),
      addButton('Thêm cột', `${path}.columns`, 'task-column'),
      h('h4', {}, 'Các nhiệm vụ'),
      h('ol', { class: 'task-items', 'data-box': `${path}.items` }, items.map((item, i) => {
        const itemPath = `${path}.items[${i}]`;
        return h('li', { class: 'block block-task', 'data-box': itemPath },
          h('div', { class: 'block-head' },
            h('span', { class: 'block-label' }, `Nhiệm vụ ${i + 1}`),
            itemButtons(itemPath, i, items.length, `nhiệm vụ ${i + 1}`)),
          h('div', { class: 'block-body' }, taskEditor(itemPath, item)));
      })),
      addButton('Thêm nhiệm vụ', `${path}.items`, 'task-item'));
  }

  // A block this form has no editor for: shown and edited as JSON, so it is
  // never lost.
  function jsonEditor(path, block) {
    const id = uid();
    const ta = h('textarea', { id, 'data-path': path, 'data-kind': 'json', rows: 4, spellcheck: 'false', class: 'mono' });
    ta.value = JSON.stringify(block, null, 2);
    return h('div', { class: 'field' },
      h('label', { for: id }, 'Khối chưa có biểu mẫu riêng (sửa dạng JSON)'), ta);
  }

  // ---------------------------------------------------------------------
  // Typing: the control's text becomes JSON at its path.

  // Returns { value } to store, or null to leave the plan as it is.
  function convert(el, current, owner, key) {
    const raw = el.value;
    const blank = raw.trim() === '';
    // An optional field emptied: null where the key was, nothing where it was not.
    const cleared = () => (hasKey(owner, key) ? { value: null } : null);
    switch (el.dataset.kind) {
      case 'opt':
        return blank ? cleared() : { value: raw };
      case 'int-null':
        if (blank) return { value: null };
        return /^\d+$/.test(raw.trim()) ? { value: Number(raw.trim()) } : null;
      case 'int-opt':
        if (blank) return cleared();
        return /^-?\d+$/.test(raw.trim()) ? { value: Number(raw.trim()) } : null;
      case 'bool':
        if (el.checked) return { value: true };
        return hasKey(owner, key) ? { value: false } : null;
      case 'units': {
        const lines = raw.split('\n').map((s) => s.trim()).filter(Boolean);
        if (!lines.length) return cleared();
        if (lines.length === 1 && !Array.isArray(current)) return { value: lines[0] };
        return { value: lines };
      }
      case 'width':
        if (blank) return cleared();
        return /^\d+(\.\d+)?$/.test(raw.trim()) ? { value: Number(raw.trim()) } : { value: raw.trim() };
      case 'date':
        return convertDate(el);
      case 'json':
        try {
          const value = JSON.parse(raw);
          el.removeAttribute('aria-invalid');
          return { value };
        } catch {
          el.setAttribute('aria-invalid', 'true');
          return null;
        }
      default:
        return { value: raw };
    }
  }

  // A date input reports "" while the user is half-way through typing: the
  // plan keeps its last complete value until the new one is whole.
  function convertDate(el) {
    const v = el.value.trim();
    if (el.type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? { value: v } : null;
    if (el.type === 'month') return /^\d{4}-\d{2}$/.test(v) ? { value: v } : null;
    if (el.type === 'number') return /^\d{4}$/.test(v) ? { value: v } : null;
    return v ? { value: v } : { value: null };
  }

  function onInput(event) {
    const el = event.target;
    if (el.dataset.control) return onControl(el, event);
    const path = el.dataset.path;
    if (!path || !el.matches('input, textarea, select')) return;
    const keys = parsePath(path);
    const owner = getAt(state.plan, keys.slice(0, -1));
    const key = keys[keys.length - 1];
    const result = convert(el, getAt(state.plan, keys), owner, key);
    if (!result) return;
    const before = JSON.stringify(getAt(state.plan, keys));
    setAt(state.plan, keys, result.value);
    if (keys[0] === 'task_labels') pruneEmptyLabels();
    if (JSON.stringify(result.value) === before && event.type === 'change') return;
    const refresh = state.afterInput.get(path);
    if (refresh) refresh();
    if (el.dataset.rerender !== undefined) {
      // Numbers shown all over the form depend on this one.
      renderForm();
      const again = controlFor(path);
      if (again) again.focus();
    }
    changed();
  }

  // task_labels with every label cleared is dropped rather than left as {}.
  function pruneEmptyLabels() {
    const labels = state.plan.task_labels;
    if (labels && typeof labels === 'object' && Object.values(labels).every((v) => v == null)) delete state.plan.task_labels;
  }

  // Controls that reshape the form rather than hold a value.
  function onControl(el, event) {
    if (event.type !== 'change') return;
    if (el.dataset.control === 'date-mode') onDateModeChange(el);
    else if (el.dataset.control === 'ref-mode') onRefModeChange(el);
    else if (el.dataset.control === 'task-order') onTaskOrderToggle(el);
  }

  // Ctrl+B / Ctrl+I in a paragraph, as in a word processor. A section title
  // wraps on screen but is one line: Enter there would put a break in it.
  function onKeydown(event) {
    const el = event.target;
    if (event.key === 'Enter' && el.classList.contains('sec-title-input')) {
      event.preventDefault();
      return;
    }
    if (!(event.ctrlKey || event.metaKey) || event.altKey || !el.classList.contains('para')) return;
    const kind = { b: 'bold', i: 'italic' }[event.key.toLowerCase()];
    if (!kind) return;
    event.preventDefault();
    wrapSelection(el, kind);
  }

  function wrapSelection(ta, kind) {
    const [open, close] = { bold: ['**', '**'], italic: ['*', '*'], note: ['^[', ']'] }[kind];
    const start = ta.selectionStart;
    const end = ta.selectionEnd;
    const selected = ta.value.slice(start, end);
    ta.focus();
    ta.setSelectionRange(start, end);
    // execCommand keeps the browser's own undo (Ctrl+Z) working in the field.
    const text = open + selected + close;
    if (!document.execCommand('insertText', false, text)) {
      ta.setRangeText(text, start, end, 'end');
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }
    // Leave the caret (or the selection) inside the marks, ready to type.
    ta.setSelectionRange(start + open.length, start + open.length + selected.length);
  }

  // ---------------------------------------------------------------------
  // Structural edits. Each records its inverse (objects are edited in place,
  // so an inverse stays right even after later typing elsewhere).

  function record(inverse) {
    state.undo.push(inverse);
    if (state.undo.length > 100) state.undo.shift();
    $('#undo').disabled = false;
  }

  function insertItem(arr, i, item) {
    arr.splice(i, 0, item);
    return () => {
      const j = arr[i] === item ? i : arr.indexOf(item);
      if (j >= 0) arr.splice(j, 1);
    };
  }

  function removeItem(arr, i) {
    const [item] = arr.splice(i, 1);
    return () => arr.splice(Math.min(i, arr.length), 0, item);
  }

  function swapItems(arr, i, j) {
    const swap = () => { [arr[i], arr[j]] = [arr[j], arr[i]]; };
    swap();
    return swap;
  }

  // The array at `keys`, created (and its creation undone) when missing.
  function ensureArray(keys, undos) {
    const owner = getAt(state.plan, keys.slice(0, -1));
    const key = keys[keys.length - 1];
    if (owner == null || typeof owner !== 'object') return null;
    if (!Array.isArray(owner[key])) {
      const old = owner[key];
      const had = hasKey(owner, key);
      owner[key] = [];
      undos.push(() => { if (had) owner[key] = old; else delete owner[key]; });
    }
    return owner[key];
  }

  // `item` path → its array, index and the array's path.
  function locate(path) {
    const keys = parsePath(path);
    const index = keys[keys.length - 1];
    const arrKeys = keys.slice(0, -1);
    const arr = getAt(state.plan, arrKeys);
    return { keys, index, arrKeys, arr: Array.isArray(arr) ? arr : null, arrPath: formatPath(arrKeys) };
  }

  function addTo(arrPath, item) {
    const undos = [];
    const arr = ensureArray(parsePath(arrPath), undos);
    if (!arr) return null;
    undos.push(insertItem(arr, arr.length, item));
    return { undos, focus: { path: `${arrPath}[${arr.length - 1}]` } };
  }

  function moveItem(path, delta, action) {
    const { index, arr, arrPath } = locate(path);
    const j = index + delta;
    if (!arr || j < 0 || j >= arr.length) return null;
    return { undos: [swapItems(arr, index, j)], focus: { path: `${arrPath}[${j}]`, action, attr: action === 'up' || action === 'down' ? 'data-path' : 'data-item' } };
  }

  function deleteItem(path) {
    const { index, arr, arrPath } = locate(path);
    if (!arr) return null;
    const undos = [removeItem(arr, index)];
    // Focus moves to the next item's text, not its delete button: a second
    // Enter must not delete again.
    const next = arr.length === 0 ? null : `${arrPath}[${Math.min(index, arr.length - 1)}]`;
    return { undos, focus: next ? { path: next } : { add: arrPath, path: arrPath } };
  }

  function indentSection(path) {
    const { index, arr, arrPath } = locate(path);
    if (!arr || index === 0) return null;
    const prev = arr[index - 1];
    if (!prev || typeof prev !== 'object') return null;
    const undos = [];
    const item = arr[index];
    undos.push(removeItem(arr, index));
    const kids = ensureArray([...parsePath(arrPath), index - 1, 'sections'], undos);
    undos.push(insertItem(kids, kids.length, item));
    return { undos, focus: { path: `${arrPath}[${index - 1}].sections[${kids.length - 1}]`, action: 'indent', attr: 'data-path' } };
  }

  function outdentSection(path) {
    if (!canOutdent(path)) return null;
    const { index, arr, arrKeys } = locate(path);
    const parentKeys = arrKeys.slice(0, -1);
    const parentIndex = parentKeys[parentKeys.length - 1];
    const grandKeys = parentKeys.slice(0, -1);
    const grand = getAt(state.plan, grandKeys);
    const item = arr[index];
    const undos = [removeItem(arr, index), insertItem(grand, parentIndex + 1, item)];
    return { undos, focus: { path: `${formatPath(grandKeys)}[${parentIndex + 1}]`, action: 'outdent', attr: 'data-path' } };
  }

  // Table columns carry their cells along in every row.
  function tableRows(table) {
    return [...(Array.isArray(table.rows) ? table.rows : []), ...(Array.isArray(table.header_rows) ? table.header_rows : [])]
      .filter(Array.isArray);
  }

  function columnOp(path, op) {
    const { index, arr, arrKeys } = locate(path);
    const table = getAt(state.plan, arrKeys.slice(0, -1));
    if (!arr || !table) return null;
    const undos = [];
    if (op === 'delete') {
      undos.push(removeItem(arr, index));
      for (const row of tableRows(table)) if (index < row.length) undos.push(removeItem(row, index));
      const next = arr.length ? `${formatPath(arrKeys)}[${Math.min(index, arr.length - 1)}].title` : null;
      return { undos, focus: next ? { path: next } : { add: formatPath(arrKeys.slice(0, -1)), action: 'col-add' } };
    }
    const j = op === 'left' ? index - 1 : index + 1;
    if (j < 0 || j >= arr.length) return null;
    undos.push(swapItems(arr, index, j));
    for (const row of tableRows(table)) {
      while (row.length <= Math.max(index, j)) row.push('');
      undos.push(swapItems(row, index, j));
    }
    return { undos, focus: { path: `${formatPath(arrKeys)}[${j}]`, action: `col-${op}`, attr: 'data-item' } };
  }

  function addColumn(tablePath) {
    const table = valueAt(tablePath);
    if (!table || typeof table !== 'object') return null;
    const undos = [];
    const columns = ensureArray([...parsePath(tablePath), 'columns'], undos);
    const n = columns.length;
    undos.push(insertItem(columns, n, { title: '' }));
    for (const row of tableRows(table)) {
      const len = row.length;
      while (row.length < n + 1) row.push('');
      undos.push(() => { row.length = len; });
    }
    return { undos, focus: { path: `${tablePath}.columns[${n}].title` } };
  }

  function addRow(arrPath, numbered) {
    const keys = parsePath(arrPath);
    const table = getAt(state.plan, keys.slice(0, -1));
    const n = Math.max(1, (table && Array.isArray(table.columns) ? table.columns.length : 0));
    const undos = [];
    const rows = ensureArray(keys, undos);
    if (!rows) return null;
    const row = Array.from({ length: n }, (_, c) => (numbered ? `(${c + 1})` : ''));
    // A running number in an STT/TT first column saves the user a keystroke.
    const first = table.columns && table.columns[0] && String(table.columns[0].title || '').trim().toUpperCase();
    if (!numbered && keys[keys.length - 1] === 'rows' && (first === 'STT' || first === 'TT')) row[0] = String(rows.length + 1);
    undos.push(insertItem(rows, rows.length, row));
    return { undos, focus: { path: `${arrPath}[${rows.length - 1}][${numbered ? 0 : Math.min(1, n - 1)}]` } };
  }

  const SECTION_ADDERS = {
    'add-paragraph': 'paragraph', 'add-list': 'list', 'add-task': 'task', 'add-table': 'table', 'add-task-table': 'task_table',
  };

  // Runs a structural action named by a button; returns false when none applies.
  function runAction(btn) {
    const action = btn.dataset.action;
    const path = btn.dataset.path;
    const item = btn.dataset.item;
    let result = null;
    if (SECTION_ADDERS[action]) result = addTo(`${path}.content`, TEMPLATES[SECTION_ADDERS[action]]());
    else if (action === 'add-subsection') result = addTo(`${path}.sections`, TEMPLATES.section());
    else if (action === 'add-section') result = addTo('sections', TEMPLATES.section());
    else if (action === 'add-appendix-section') result = addTo(`${path}.sections`, TEMPLATES.section());
    else if (action === 'up' || action === 'down') result = moveItem(path, action === 'up' ? -1 : 1, action);
    else if (action === 'delete') result = deleteItem(path);
    else if (action === 'indent') result = indentSection(path);
    else if (action === 'outdent') result = outdentSection(path);
    else if (action === 'item-up' || action === 'item-down') result = moveItem(item, action === 'item-up' ? -1 : 1, action);
    else if (action === 'item-delete') result = deleteItem(item);
    else if (action === 'add') result = addTo(item, TEMPLATES[btn.dataset.kind]());
    else if (action === 'col-left' || action === 'col-right' || action === 'col-delete') result = columnOp(item, action.slice(4));
    else if (action === 'col-add') result = addColumn(item);
    else if (action === 'row-add') result = addRow(item, btn.dataset.kind === 'numbered');
    else return false;
    if (!result) return true;
    const undos = result.undos;
    record(() => { for (let i = undos.length - 1; i >= 0; i--) undos[i](); });
    structuralChange(result.focus);
    if (action === 'delete' || action === 'item-delete' || action === 'col-delete') status('Đã xóa. Bấm "Hoàn tác" nếu muốn lấy lại.');
    return true;
  }

  function structuralChange(focus) {
    renderForm();
    changed();
    if (focus) restoreFocus(focus);
  }

  function restoreFocus({ path, action, attr, add }) {
    let el = null;
    if (action && path) {
      // The same button again (to press repeatedly), or, when the item has
      // reached an end and it is disabled, a neighbour in the same group.
      const same = form.querySelector(`[data-action="${action}"][${attr || 'data-item'}="${cssq(path)}"]`);
      el = same && (same.disabled ? same.parentElement.querySelector('button:not(:disabled)') : same);
    }
    if (!el && add) el = form.querySelector(`[data-item="${cssq(add)}"][data-action="${action || 'add'}"]`) || form.querySelector(`[data-item="${cssq(add)}"]`);
    if (el) { el.focus(); return; }
    if (path) focusPath(path);
  }

  function undo() {
    const inverse = state.undo.pop();
    $('#undo').disabled = state.undo.length === 0;
    if (!inverse) return;
    inverse();
    renderForm();
    changed();
    status('Đã hoàn tác thao tác vừa rồi.');
  }

  // ---------------------------------------------------------------------
  // Finding the control for a path (findings, focus after an action).

  const cssq = (s) => String(s).replace(/["\\]/g, '\\$&');

  function visible(el) {
    return el && !el.closest('[hidden]');
  }

  function controlFor(path) {
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
  function targetFor(path) {
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

  function revealAndFocus(el) {
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

  function focusPath(path) {
    const el = targetFor(path);
    if (el) revealAndFocus(el);
  }

  // ---------------------------------------------------------------------
  // Findings: next to their field and in the list.

  function allFindings() {
    const base = state.loadError ? [state.loadError] : state.findings || [];
    const review = state.reviewFlags.map((f) => ({
      severity: 'review', rule: 'NĂM MỚI', path: f.path, message: f.text ? `${f.message}: “${f.text}”` : f.message, suggestion: null,
    }));
    return [...base, ...review];
  }

  function renderFindings() {
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
  function locationOf(path) {
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

  function applyFindingsToForm() {
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

  function applyFix(f) {
    const keys = parsePath(f.path);
    const old = getAt(state.plan, keys);
    if (old != null && typeof old !== 'string') return;
    setAt(state.plan, keys, f.fix);
    record(() => setAt(state.plan, keys, old));
    state.findings = (state.findings || []).filter((x) => x !== f);
    renderForm();
    renderFindings();
    changed();
    focusPath(f.path);
    status(`Đã sửa: ${f.message}`);
  }

  // ---------------------------------------------------------------------
  // Talking to the server.

  async function api(method, url, body) {
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

  function errorOf(r) {
    if (r.data && r.data.error && r.data.error.message) return r.data.error;
    return { message: `máy chủ trả lời mã ${r.status}`, path: null };
  }

  // The server's line and column count in the JSON the page sent, which the
  // user never sees: the field's own label says where instead.
  function describeError(err) {
    const where = err.path ? locationOf(err.path) : '';
    return where ? `${where}: ${err.message}` : err.message;
  }

  // A plan the server cannot read: said once in the status and at its field.
  function showLoadError(err, what, { announce = true } = {}) {
    state.loadError = { severity: 'error', rule: '', path: err.path ?? null, message: err.message, suggestion: null };
    renderFindings();
    if (announce) status(`${what} — ${describeError(err)}`, 'error');
  }

  function status(text, kind = 'info') {
    statusEl.textContent = text;
    statusEl.dataset.kind = kind;
  }

  async function withBusy(btn, text, fn) {
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
    }
  }

  // ---------------------------------------------------------------------
  // Live preview: one request at a time; a result older than the latest
  // edit is dropped, and the next request carries the newest plan.

  const preview = { timer: 0, inFlight: false, again: false, broken: new Map() };

  function schedulePreview(delay = PREVIEW_DELAY_MS) {
    clearTimeout(preview.timer);
    previewEl.dataset.state = 'pending';
    preview.timer = setTimeout(requestPreview, delay);
  }

  async function requestPreview() {
    clearTimeout(preview.timer);
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

  function pageUrl(id) {
    const retry = preview.broken.get(id);
    return `api/pages/${encodeURIComponent(id)}.png${retry ? `?r=${retry}` : ''}`;
  }

  function pageImage(page) {
    const img = h('img', {
      'data-page-id': page.id, src: pageUrl(page.id), decoding: 'async',
      width: Math.round(page.width || 595), height: Math.round(page.height || 842),
    });
    img.style.setProperty('--page-w', String(page.width || 595.28));
    // The server keeps a limited cache of page images: a page that dropped
    // out of it comes back with a fresh preview.
    img.addEventListener('error', () => {
      img.dataset.broken = '1';
      const tries = (preview.broken.get(page.id) || 0) + 1;
      preview.broken.set(page.id, tries);
      if (tries <= 3) requestPreview();
    });
    return img;
  }

  // Pages whose id did not change keep their <img> (no reload, no flicker);
  // new ones are decoded before they replace the old, then swapped in at once.
  async function showPages(data, sent) {
    const pages = Array.isArray(data.pages) ? data.pages : [];
    const old = new Map();
    for (const img of previewEl.querySelectorAll('img[data-page-id]')) {
      if (!img.dataset.broken && !old.has(img.dataset.pageId)) old.set(img.dataset.pageId, img);
    }
    const fresh = [];
    const nodes = pages.map((page, i) => {
      let img = old.get(page.id);
      if (img) old.delete(page.id);
      else { img = pageImage(page); fresh.push(img); }
      img.alt = `Trang ${i + 1} trên ${pages.length}`;
      return img;
    });
    await Promise.all(fresh.map((img) => Promise.race([
      img.decode().catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ])));
    if (sent !== state.editSeq) return false;
    previewEl.replaceChildren(...nodes);
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

  // ---------------------------------------------------------------------
  // Every change: autosave, then a preview after a pause.

  function changed() {
    state.editSeq++;
    saveDraft();
    schedulePreview();
  }

  function saveDraft() {
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ plan: state.plan, name: state.name, savedAt: Date.now() }));
    } catch {
      status('Không lưu được bản nháp vào trình duyệt (bộ nhớ đầy?). Hãy "Lưu tệp JSON".', 'error');
    }
  }

  function readDraft() {
    try {
      const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) || 'null');
      return draft && draft.plan && typeof draft.plan === 'object' ? draft : null;
    } catch {
      return null;
    }
  }

  // Replaces the plan (new, sample, file, rollover, fix). The previous one
  // stays one "Hoàn tác" away.
  function setPlan(plan, { name = null, undoable = true } = {}) {
    if (undoable && state.plan) {
      const old = { plan: state.plan, name: state.name, reviewFlags: state.reviewFlags };
      record(() => { state.plan = old.plan; state.name = old.name; state.reviewFlags = old.reviewFlags; });
    }
    state.plan = plan;
    state.name = name;
    state.findings = null; // unknown until the first preview of this plan
    state.loadError = null;
    state.reviewFlags = [];
    renderForm();
    renderFindings();
    formPane.scrollTop = 0;
    state.editSeq++;
    saveDraft();
    schedulePreview(0);
  }

  const shorten = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

  function isPlanObject(v) {
    return v && typeof v === 'object' && !Array.isArray(v);
  }

  // ---------------------------------------------------------------------
  // Toolbar commands.

  function newBlank() {
    setPlan(clone(state.blank));
    status('Đã mở kế hoạch mới. Bấm "Hoàn tác" để quay lại bản trước.');
  }

  async function loadSample(btn) {
    const id = $('#sample').value;
    if (!id) { status('Hãy chọn một mẫu trong danh sách.', 'error'); $('#sample').focus(); return; }
    await withBusy(btn, 'Đang mở mẫu…', async () => {
      const r = await api('GET', `api/samples/${encodeURIComponent(id)}`);
      if (!r.ok || !isPlanObject(r.data)) return status(`Không mở được mẫu: ${errorOf(r).message}`, 'error');
      setPlan(r.data);
      status(`Đã mở mẫu "${shorten($('#sample').selectedOptions[0].textContent, 90)}".`);
    });
  }

  function openFile(input) {
    const file = input.files && input.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      input.value = '';
      let plan;
      try {
        plan = JSON.parse(String(reader.result).replace(/^\uFEFF/, ''));
      } catch (e) {
        return status(`Tệp "${file.name}" không phải JSON hợp lệ: ${e.message}`, 'error');
      }
      if (!isPlanObject(plan)) return status(`Tệp "${file.name}" không chứa một kế hoạch.`, 'error');
      setPlan(plan, { name: file.name });
      status(`Đã mở tệp "${file.name}".`);
    };
    reader.onerror = () => status(`Không đọc được tệp "${file.name}".`, 'error');
    reader.readAsText(file, 'utf-8');
  }

  // "Nhập từ tệp": last year's Word or text file, read by the server as
  // `kehoach import` reads it; the report says what it guessed and what it
  // could not place.
  function importFile(input) {
    const file = input.files && input.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = async () => {
      input.value = '';
      const data = String(reader.result).replace(/^data:[^,]*,/, '');
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

  function saveJson() {
    const name = suggestedName('json');
    downloadBlob(new Blob([`${JSON.stringify(state.plan, null, 2)}\n`], { type: 'application/json' }), name);
    status(`Đã tải xuống "${name}".`);
  }

  function fileNameFrom(disposition) {
    if (!disposition) return null;
    const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
    if (star) { try { return decodeURIComponent(star[1].trim()); } catch { /* fall through */ } }
    const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(disposition);
    return plain ? (plain[1] || plain[2]).trim() : null;
  }

  async function downloadPdf(btn) {
    await withBusy(btn, 'Đang tạo PDF…', async () => {
      const res = await fetch('api/pdf', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(state.plan),
      });
      if (!res.ok) {
        const data = await res.json().catch(() => null);
        return showLoadError(errorOf({ data, status: res.status }), 'Không tạo được PDF');
      }
      const name = fileNameFrom(res.headers.get('Content-Disposition')) || suggestedName('pdf');
      downloadBlob(await res.blob(), name);
      status(`Đã tải xuống "${name}".`);
    });
  }

  async function autofix(btn) {
    await withBusy(btn, 'Đang sửa tự động…', async () => {
      const r = await api('POST', 'api/fix', state.plan);
      if (!r.ok || !r.data) return showLoadError(errorOf(r), 'Không sửa tự động được');
      const applied = Array.isArray(r.data.applied) ? r.data.applied : [];
      if (!applied.length) return status('Không có chỗ nào sửa tự động được.');
      setPlan(r.data.plan, { name: state.name });
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

  function showReport(title, body) {
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

  function openRollover() {
    const year = planYear();
    $('#rollover-year').value = year ? String(year + 1) : '';
    $('#rollover-dialog').showModal();
    loadRollover();
  }

  async function loadRollover() {
    const report = $('#rollover-report');
    const accept = $('#rollover-accept');
    accept.disabled = true;
    state.rolled = null;
    report.replaceChildren(h('p', {}, 'Đang chuyển năm…'));
    const to = $('#rollover-year').value.trim();
    try {
      const r = await api('POST', `api/rollover${/^\d{4}$/.test(to) ? `?to=${to}` : ''}`, state.plan);
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
    const where = (x) => h('div', { class: 'where' }, [x.section, x.path].filter(Boolean).join(' · '));
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

  function acceptRollover() {
    const data = state.rolled;
    if (!data || !isPlanObject(data.plan)) return;
    $('#rollover-dialog').close();
    setPlan(data.plan);
    state.reviewFlags = Array.isArray(data.flags) ? data.flags : [];
    renderFindings();
    status(`Đã tạo kế hoạch năm ${data.to ?? ''}. Các chỗ cần xem lại được đánh dấu trong danh sách kiểm tra.`);
  }

  // The server's folder (when started with one).
  async function refreshFiles() {
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

  async function openDirFile(btn) {
    const name = $('#dir-files').value;
    if (!name) { status('Hãy chọn một tệp trong thư mục.', 'error'); $('#dir-files').focus(); return; }
    await withBusy(btn, `Đang mở "${name}"…`, async () => {
      const r = await api('GET', `api/files/${encodeURIComponent(name)}`);
      if (!r.ok || !isPlanObject(r.data)) return status(`Không mở được "${name}": ${errorOf(r).message}`, 'error');
      setPlan(r.data, { name });
      status(`Đã mở "${name}".`);
    });
  }

  const FILE_NAME = /^[\p{L}\p{N} ._-]+\.json$/u;
  const SAVE_HINT = 'Chỉ dùng chữ, số, dấu cách, dấu chấm, gạch dưới và gạch ngang.';

  function askSaveName() {
    const input = $('#save-name');
    input.value = suggestedName('json');
    input.removeAttribute('aria-invalid');
    $('#save-hint').textContent = SAVE_HINT;
    $('#save-dialog').showModal();
    input.select();
  }

  async function saveToDir(event) {
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
      const r = await api('PUT', `api/files/${encodeURIComponent(name)}`, state.plan);
      if (!r.ok) return status(`Không lưu được "${name}": ${describeError(errorOf(r))}`, 'error');
      state.name = (r.data && r.data.saved) || name;
      saveDraft();
      status(`Đã lưu "${state.name}" vào thư mục.`);
      refreshFiles();
    });
  }

  // ---------------------------------------------------------------------
  // Wiring.

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
    form.addEventListener('submit', (e) => e.preventDefault());
    document.addEventListener('click', onClick);
    $('#new-blank').addEventListener('click', newBlank);
    $('#load-sample').addEventListener('click', (e) => loadSample(e.currentTarget));
    $('#open-file').addEventListener('change', (e) => openFile(e.currentTarget));
    $('#import-file').addEventListener('change', (e) => importFile(e.currentTarget));
    $('#save-json').addEventListener('click', saveJson);
    $('#download-pdf').addEventListener('click', (e) => downloadPdf(e.currentTarget));
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
    $('#zoom').addEventListener('change', (e) => { previewEl.dataset.zoom = e.currentTarget.value; });
    // The last keystrokes are already saved; this covers a change still in a handler.
    window.addEventListener('pagehide', saveDraft);
  }

  async function start() {
    renderNav();
    bind();
    const draft = readDraft();
    if (draft) {
      state.plan = draft.plan;
      state.name = draft.name || null;
      renderForm();
      renderFindings();
      schedulePreview(0);
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
})();
