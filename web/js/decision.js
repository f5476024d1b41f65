// "Ban hành kèm theo Quyết định": a switch that adds the Quyết định (Mẫu
// 1.3) the plan is issued with, or takes it away, and the decision's
// fields. With it the preview shows the decision's pages, then the plan as
// the attached document, without số or signature of its own.
//
// Switched off, the decision's own fields (authority, căn cứ, đề nghị …)
// are kept aside in `state.parked`, with the draft but out of the plan:
// the saved file, the PDF and the Word file have no decision, and switched
// on again the fields come back as they were typed.

import { h, uid } from './dom.js';
import { state, valueAt } from './state.js';
import { group, stringList, textField } from './fields.js';
import { signerFields } from './signer.js';
import { structuralChange } from './edits.js';

// On, the plan's nơi nhận, Lưu and signer move to the decision, which
// carries them; off, they come back to the plan.
export function toggleDecision(on) {
  const plan = state.plan;
  if (on) {
    plan.decision = {
      authority: '',
      ...state.parked.decision,
      recipients: Array.isArray(plan.recipients) ? plan.recipients : [],
      archive: plan.archive || 'VT',
      signer: plan.signer || {},
    };
    delete state.parked.decision;
    plan.recipients = [];
    plan.archive = 'VT';
    plan.signer = { name: null };
  } else if (plan.decision) {
    const { recipients, archive, signer, ...own } = plan.decision;
    plan.recipients = Array.isArray(recipients) ? recipients : [];
    plan.archive = archive || 'VT';
    plan.signer = signer || { name: null };
    state.parked.decision = own;
    delete plan.decision;
  }
  structuralChange({ path: 'decision' });
}

export function decisionGroup() {
  const decision = valueAt('decision');
  const on = decision != null && typeof decision === 'object';
  const switchId = uid();
  return group('g-decision', 'Quyết định ban hành', [
    h('div', { class: 'field check' },
      h('input', { type: 'checkbox', id: switchId, 'data-control': 'decision', checked: on }),
      h('label', { for: switchId }, 'Ban hành kèm theo Quyết định'),
      h('span', { class: 'hint' }, ' — kế hoạch in sau quyết định, không có số và chữ ký riêng; nơi nhận và người ký chuyển sang quyết định. Bỏ chọn thì nội dung quyết định được cất lại, chọn lại là có.')),
    on ? decisionFields() : null,
  ], { box: 'decision', open: on });
}

function decisionFields() {
  return [
    textField('decision.authority', 'Thẩm quyền ban hành', { hint: 'Chữ in hoa, ví dụ: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN.' }),
    h('div', { class: 'grid3' },
      textField('decision.number', 'Số quyết định', { kind: 'number', inputmode: 'numeric', hint: 'Bỏ trống để văn thư điền.' }),
      textField('decision.symbol', 'Ký hiệu', { kind: 'opt', spellcheck: false, placeholder: 'QĐ-…', hint: 'Bỏ trống: QĐ- và tên viết tắt của cơ quan.' }),
      textField('decision.by', 'Ban hành bởi (trong câu)', { kind: 'opt', hint: 'Cho dòng "Kèm theo Quyết định … của …", ví dụ: UBND tỉnh.' })),
    textField('decision.title', 'Trích yếu quyết định', { kind: 'opt', multiline: true, hint: 'Bỏ trống: "Ban hành Kế hoạch" và trích yếu của kế hoạch.' }),
    stringList('decision.bases', 'Căn cứ', { noun: 'căn cứ', add: 'Thêm căn cứ', multiline: true, hint: 'Mỗi căn cứ một dòng, in nghiêng.' }),
    textField('decision.proposal', 'Theo đề nghị của', { kind: 'opt', multiline: true, hint: 'Ví dụ: Theo đề nghị của Giám đốc Sở Nội vụ.' }),
    stringList('decision.articles', 'Điều', { noun: 'điều', add: 'Thêm điều', multiline: true, hint: 'Không gõ "Điều 1.": chương trình tự đánh số. Bỏ trống cả danh sách để dùng ba điều mặc định (ban hành, hiệu lực, thi hành).' }),
    stringList('decision.recipients', 'Nơi nhận của quyết định', { noun: 'nơi nhận', add: 'Thêm nơi nhận', hint: 'Không gõ dấu "-" ở đầu và ";" ở cuối.' }),
    textField('decision.archive', 'Lưu', { spellcheck: false, hint: 'Ví dụ: VT, NC.' }),
    h('h3', {}, 'Người ký quyết định'),
    ...signerFields('decision.signer'),
  ];
}
