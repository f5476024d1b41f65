// Blocks: paragraph strings, lists, tasks, tables, task tables.

import { button, h, options, uid, vh } from './dom.js';
import { ALIGN, BLOCK_NOUN, MARKERS, TASK_FIELDS } from './vocab.js';
import { hasKey, valueAt } from './state.js';
import { addButton, checkField, hintEl, itemButtons, textControl, textField } from './fields.js';

function blockKind(block) {
  if (typeof block === 'string') return 'paragraph';
  if (block && typeof block === 'object') {
    for (const k of ['list', 'task', 'table', 'task_table']) if (hasKey(block, k)) return k;
  }
  return 'unknown';
}

// `opts.section`: the section path whose hook buttons (add-paragraph …) add here.
export function blockList(arrPath, blocks, opts) {
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
      textField(`${path}.note`, 'Ghi chú', { kind: 'opt', hint: 'Chỉ in trong bảng nhiệm vụ.' }),
      textField(`${path}.number`, 'Số thứ tự', { kind: 'opt', hint: 'Chỉ in trong bảng nhiệm vụ; bỏ trống để tự đánh số.' })));
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
