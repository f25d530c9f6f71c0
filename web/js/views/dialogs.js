// Confirmations and room agreements in native <dialog>s: focus is trapped while open, Escape
// cancels, and focus goes back to where it was afterwards.

function run(dialog) {
  const previous = document.activeElement;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      if (previous?.isConnected && !previous.closest('[hidden]')) previous.focus();
      resolve(dialog.returnValue === 'ok');
    }, { once: true });
  });
}

/** Ask before something that can't be undone. Resolves true only on the confirm button. */
export function confirmDialog({ title, body, ok, cancel = 'Cancel' }) {
  const dialog = document.getElementById('confirm-dialog');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-body').textContent = body;
  document.getElementById('confirm-ok').textContent = ok;
  document.getElementById('confirm-cancel').textContent = cancel;
  return run(dialog);
}

/** Show a room's agreement; resolves true when the person accepts it. */
export function agreementDialog(title, text) {
  const dialog = document.getElementById('agreement-dialog');
  document.getElementById('agreement-title').textContent = title ? `${title}: agreement` : 'Room agreement';
  document.getElementById('agreement-text').textContent = text || '';
  return run(dialog);
}
