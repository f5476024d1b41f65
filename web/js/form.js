// The whole form, one folding group per part of the plan: the header is in
// header.js, the sections in tree.js, their blocks in blocks.js.

import { $, button, form, formPane, h, options, resetIds, uid } from './dom.js';
import { MARKUP_HINT, NUMBERING, TASK_FIELDS } from './vocab.js';
import { state, valueAt } from './state.js';
import { addButton, checkField, group, itemButtons, selectField, stringList, textField } from './fields.js';
import { signerFields } from './signer.js';
import { decisionGroup } from './decision.js';
import { blockList } from './blocks.js';
import { appendixEditor, sectionList } from './tree.js';
import { headerGroup, titleGroup } from './header.js';
import { applyFindingsToForm } from './findings.js';
import { restoreEntries } from './entries.js';

const GROUPS = [
  ['g-header', 'Cơ quan, số, ngày'],
  ['g-title', 'Trích yếu'],
  ['g-intro', 'Căn cứ, mở đầu'],
  ['g-body', 'Nội dung'],
  ['g-closing', 'Phần kết'],
  ['g-recipients', 'Nơi nhận'],
  ['g-signer', 'Người ký'],
  ['g-decision', 'Quyết định ban hành'],
  ['g-appendices', 'Phụ lục'],
  ['g-advanced', 'Nâng cao'],
];

export function renderNav() {
  $('#form-nav').replaceChildren(...GROUPS.map(([id, title]) => h('a', { href: `#${id}` }, title)));
}

export function renderForm() {
  const top = formPane.scrollTop;
  resetIds();
  state.afterInput = new Map();
  form.replaceChildren(
    headerGroup(), titleGroup(), introGroup(), bodyGroup(), closingGroup(),
    recipientsGroup(), signerGroup(), decisionGroup(), appendicesGroup(), advancedGroup());
  restoreEntries();
  applyFindingsToForm();
  formPane.scrollTop = top;
}

const markupHint = () => h('p', { class: 'hint markup-hint' }, MARKUP_HINT);

function introGroup() {
  return group('g-intro', 'Căn cứ, mở đầu', [
    markupHint(),
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
    markupHint(),
    selectField('numbering', 'Cách đánh số mục', NUMBERING, { kind: 'str', fallback: 'letter', rerender: true }),
    sectionList('sections', Array.isArray(sections) ? sections : [], []),
    button('Thêm mục', { id: 'add-section', 'data-action': 'add-section', class: 'add' }),
  ], { box: 'sections' });
}

function closingGroup() {
  return group('g-closing', 'Phần kết', [
    markupHint(),
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
  return group('g-signer', 'Người ký', signerFields('signer'), { box: 'signer' });
}

function appendicesGroup() {
  const list = valueAt('appendices');
  const items = Array.isArray(list) ? list : [];
  return group('g-appendices', 'Phụ lục', [
    markupHint(),
    items.length ? null : h('p', { class: 'muted' }, 'Chưa có phụ lục.'),
    items.map((a, i) => appendixEditor(a, i, items.length)),
    button('Thêm phụ lục', { id: 'add-appendix', 'data-action': 'add', 'data-item': 'appendices', 'data-kind': 'appendix', class: 'add' }),
  ], { box: 'appendices' });
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

