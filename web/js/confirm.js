// A yes-or-no question in the page's own dialog: the browser's confirm()
// speaks the browser's language, not the page's, and names no choice.

import { $ } from './dom.js';

// Resolves true only for the `yes` button; Esc and "Hủy" say no. The focus
// starts on "Hủy", so that Enter alone never replaces anything.
export function ask({ title, message, yes }) {
  const dialog = $('#confirm-dialog');
  $('#confirm-title').textContent = title;
  $('#confirm-message').textContent = message;
  $('#confirm-yes').textContent = yes;
  dialog.returnValue = '';
  dialog.showModal();
  $('#confirm-no').focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
  });
}
