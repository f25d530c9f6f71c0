// Confirmations and room agreements in native <dialog>s: focus is trapped while open, Escape
// cancels, and focus goes back to where it was afterwards. One question at a time: a second
// one waits until the first is answered.

async function ask(dialog, fill) {
  while (dialog.open) await new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  fill();
  const previous = document.activeElement;
  dialog.returnValue = '';
  dialog.showModal();
  await new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  if (previous?.isConnected && !previous.closest('[hidden]')) previous.focus();
  return dialog.returnValue === 'ok';
}

const $ = (id) => document.getElementById(id);

/** Ask before something that can't be undone. Resolves true only on the confirm button. */
export function confirmDialog({ title, body, ok, cancel = 'Cancel' }) {
  return ask($('confirm-dialog'), () => {
    $('confirm-title').textContent = title;
    $('confirm-body').textContent = body;
    $('confirm-ok').textContent = ok;
    $('confirm-cancel').textContent = cancel;
  });
}

/** Show a room's agreement; resolves true when the person accepts it. */
export function agreementDialog(title, text) {
  return ask($('agreement-dialog'), () => {
    $('agreement-title').textContent = title ? `${title}: agreement` : 'Room agreement';
    $('agreement-text').textContent = text || '';
  });
}
