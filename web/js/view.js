// On a narrow screen the form and the preview take the screen in turn; a
// button switches them (hidden on wide screens, where both are shown).

import { $ } from './dom.js';

export function showView(view) {
  if (document.body.dataset.view === view) return;
  document.body.dataset.view = view;
  $('#switch-view').textContent = view === 'preview' ? 'Về biểu mẫu' : 'Xem trước';
}

export function switchView() {
  showView(document.body.dataset.view === 'preview' ? 'form' : 'preview');
  $(document.body.dataset.view === 'preview' ? '.preview-pane' : '.form-pane').scrollIntoView();
}
