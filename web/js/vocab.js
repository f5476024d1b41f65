// Vocabulary shown to the user, and the shapes of new items.

export const SEVERITY = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  hint: 'Gợi ý',
  review: 'Cần xem lại',
};
export const SEVERITY_RANK = { error: 3, warning: 2, review: 1, hint: 1 };

export const URGENCY = [['', 'Không'], ['khan', 'Khẩn'], ['thuong-khan', 'Thượng khẩn'], ['hoa-toc', 'Hỏa tốc']];
export const NUMBERING = [['letter', 'I. / 1. / a)'], ['decimal', 'I. / 1. / 1.1. / 1.1.1.']];
export const PREFIXES = [['TM', 'TM. (thay mặt)'], ['KT', 'KT. (ký thay)'], ['Q', 'Q. (quyền)'],
  ['TL', 'TL. (thừa lệnh)'], ['TUQ', 'TUQ. (thừa ủy quyền)']];
export const ALIGN = [['', 'Mặc định'], ['left', 'Trái'], ['center', 'Giữa'], ['right', 'Phải'], ['justify', 'Đều hai bên']];
export const MARKERS = [['', 'Gạch ngang (-)'], ['–', 'Gạch dài (–)'], ['+', 'Dấu cộng (+)']];
export const TASK_FIELDS = [['index', 'Số thứ tự'], ['content', 'Nội dung'], ['lead', 'Chủ trì'], ['support', 'Phối hợp'],
  ['deadline', 'Thời gian thực hiện'], ['output', 'Sản phẩm'], ['leader', 'Lãnh đạo phụ trách'], ['note', 'Ghi chú']];
export const TASK_LINES = ['lead', 'support', 'deadline', 'output', 'leader'];
export const LEVEL_NOUN = ['Mục', 'Khoản', 'Điểm'];
export const BLOCK_NOUN = {
  paragraph: 'Đoạn văn', list: 'Danh sách', task: 'Nhiệm vụ', table: 'Bảng', task_table: 'Bảng nhiệm vụ',
  unknown: 'Khối khác',
};
export const DATE_MODES = [['full', 'Ngày đầy đủ'], ['month', 'Chỉ tháng'], ['year', 'Chỉ năm'], ['none', 'Để trống']];

// New items, as the user starts them. Sections start without a title key:
// a khoản or điểm may have none, and typing one creates it.
export const TEMPLATES = {
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
export const FALLBACK_BLANK = {
  issuer: { name: '', abbreviation: '' },
  number: null, place: '', date: null, title: '',
  preamble: [''], sections: [{ title: '', content: [''] }],
  recipients: [''], archive: 'VT', signer: { title: '', name: null },
};

// Shown above the parts of the form that hold paragraphs: what is typed
// prints, and emphasis is chosen with the buttons.
export const MARKUP_HINT = 'Chữ gõ vào in ra đúng như gõ, kể cả các dấu *, #, _ và \\ (ví dụ "chỉ tiêu (*)"). '
  + 'Muốn in đậm, in nghiêng: chọn chữ rồi bấm "đậm", "nghiêng" (hoặc Ctrl+B, Ctrl+I).';
