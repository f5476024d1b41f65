// The signer's lines, name and images, at a path: the plan's `signer`, or
// the `decision.signer` of a plan issued with a Quyết định.

import { h, options, uid } from './dom.js';
import { PREFIXES } from './vocab.js';
import { valueAt } from './state.js';
import { addButton, itemButtons, textField } from './fields.js';

export function signerFields(at) {
  const authority = valueAt(`${at}.authority`);
  const rows = (Array.isArray(authority) ? authority : []).map((a, i, all) => {
    const path = `${at}.authority[${i}]`;
    const prefixId = uid();
    return h('li', { class: 'item-row authority', 'data-box': path },
      h('label', { for: prefixId, class: 'visually-hidden' }, `Quyền hạn ký ${i + 1}: tiền tố`),
      h('select', { id: prefixId, 'data-path': `${path}.prefix`, 'data-kind': 'str' }, options(PREFIXES, a && a.prefix)),
      textField(`${path}.of`, `Dòng ${i + 1}: thay mặt / ký thay cho`, { placeholder: 'ví dụ: GIÁM ĐỐC' }),
      itemButtons(path, i, all.length, `dòng quyền hạn ${i + 1}`));
  });
  return [
    h('fieldset', { class: 'list-editor', 'data-box': `${at}.authority` },
      h('legend', {}, 'Quyền hạn ký'),
      h('p', { class: 'hint' }, 'Bỏ trống khi người đứng đầu ký. Nhiều dòng xếp chồng, ví dụ TM. ỦY BAN NHÂN DÂN rồi KT. CHỦ TỊCH.'),
      h('ol', { class: 'items' }, rows),
      addButton('Thêm dòng quyền hạn', `${at}.authority`, 'authority')),
    h('div', { class: 'grid2' },
      textField(`${at}.title`, 'Chức vụ', { kind: 'opt', hint: 'Ví dụ: PHÓ GIÁM ĐỐC' }),
      textField(`${at}.name`, 'Họ và tên', { kind: 'opt', hint: 'Bỏ trống khi chưa biết; chỗ ký vẫn chừa.' }),
      textField(`${at}.signature_image`, 'Ảnh chữ ký (tệp PNG)', { kind: 'opt', spellcheck: false, hint: 'Tên tệp, để cùng thư mục với tệp kế hoạch.' }),
      textField(`${at}.seal_image`, 'Ảnh con dấu (tệp PNG)', { kind: 'opt', spellcheck: false, hint: 'Tên tệp, để cùng thư mục với tệp kế hoạch.' })),
  ];
}
