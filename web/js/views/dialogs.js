// Confirmations, questions and room agreements in native <dialog>s: focus is trapped while open,
// Escape cancels, and focus goes back to where it was afterwards. One question at a time: a
// second one waits until the first is answered. The same markup is on every page that asks.
import { h } from '../render.js';

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

/** The confirm and input dialogs are made here once, so every page that asks has the same ones. */
function confirmMarkup() {
  return h('dialog', { id: 'confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-body', 'data-testid': 'confirm-dialog' },
    h('form', { method: 'dialog' },
      h('h2', { id: 'confirm-title' }),
      h('p', { id: 'confirm-body' }),
      h('ul', { id: 'confirm-points', class: 'points-list', hidden: true, 'data-testid': 'confirm-points' }),
      h('div', { class: 'actions' },
        h('button', { value: 'cancel', id: 'confirm-cancel', class: 'secondary', autofocus: true, 'data-testid': 'confirm-cancel' }),
        h('button', { value: 'ok', id: 'confirm-ok', class: 'primary', 'data-testid': 'confirm-ok' }))));
}

function inputMarkup() {
  return h('dialog', { id: 'input-dialog', 'aria-labelledby': 'input-title', 'aria-describedby': 'input-body', 'data-testid': 'input-dialog' },
    h('form', { method: 'dialog' },
      h('h2', { id: 'input-title' }),
      h('p', { id: 'input-body' }),
      h('div', { class: 'field' },
        h('label', { id: 'input-label', for: 'input-line' }),
        h('input', { id: 'input-line', type: 'text', required: true, 'data-testid': 'input-line' }),
        h('textarea', { id: 'input-area', rows: 4, required: true, hidden: true, 'data-testid': 'input-area' })),
      h('div', { class: 'actions' },
        // Cancelling must not be stopped by the empty required field.
        h('button', { value: 'cancel', id: 'input-cancel', class: 'secondary', formnovalidate: true, 'data-testid': 'input-cancel' }),
        h('button', { value: 'ok', id: 'input-ok', class: 'primary', 'data-testid': 'input-ok' }))));
}

function dialog(id, markup) {
  let el = $(id);
  if (!el) {
    el = markup();
    document.body.append(el);
  }
  return el;
}

/**
 * Ask before something that matters. Resolves true only on the confirm button.
 * `points`: optional [[heading, text], …] shown as a list (e.g. what keeping a copy means).
 * `danger`: the confirm button looks like what it is (removing someone, deleting).
 */
export function confirmDialog({ title, body, ok, cancel = 'Cancel', points = null, danger = false }) {
  return ask(dialog('confirm-dialog', confirmMarkup), () => {
    $('confirm-title').textContent = title;
    $('confirm-body').textContent = body || '';
    $('confirm-body').hidden = !body;
    const list = $('confirm-points');
    list.replaceChildren(...(points || []).map(([heading, text]) => h('li', {}, h('strong', { text: `${heading}: ` }), text)));
    list.hidden = !points?.length;
    $('confirm-ok').textContent = ok;
    $('confirm-ok').classList.toggle('danger', danger);
    $('confirm-cancel').textContent = cancel;
  });
}

/**
 * Ask for a short answer: a reason, an outcome, a number of minutes.
 * `number`: { min, max } makes it a whole-number field. Resolves the trimmed text (a number
 * for number fields), or null when cancelled. Empty answers are refused by the field itself.
 */
export async function inputDialog({ title, body = '', label, value = '', ok, cancel = 'Cancel', multiline = false, number = null, maxlength = 1000 }) {
  const box = dialog('input-dialog', inputMarkup);
  const line = $('input-line');
  const area = $('input-area');
  const field = multiline ? area : line;
  const answered = await ask(box, () => {
    $('input-title').textContent = title;
    $('input-body').textContent = body;
    $('input-body').hidden = !body;
    $('input-label').textContent = label;
    $('input-label').htmlFor = field.id;
    line.hidden = multiline;
    area.hidden = !multiline;
    line.disabled = multiline;
    area.disabled = !multiline;
    line.type = number ? 'number' : 'text';
    for (const [key, v] of Object.entries({ min: number?.min, max: number?.max, step: number ? 1 : null })) {
      if (v == null) line.removeAttribute(key);
      else line.setAttribute(key, String(v));
    }
    field.maxLength = maxlength;
    field.value = value == null ? '' : String(value);
    $('input-ok').textContent = ok;
    $('input-cancel').textContent = cancel;
  });
  if (!answered) return null;
  const text = field.value.trim();
  if (!text) return null;
  return number ? Number.parseInt(text, 10) : text;
}

/** Show a room's agreement; resolves true when the person accepts it. `changed`: it was just edited. */
export function agreementDialog(title, text, { changed = false } = {}) {
  return ask($('agreement-dialog'), () => {
    $('agreement-title').textContent = title ? `${title}: agreement` : 'Room agreement';
    $('agreement-intro').textContent = changed
      ? 'The facilitator changed this room’s agreement. Please read it and accept it before you write again.'
      : 'This room asks everyone to read and accept its agreement.';
    $('agreement-text').textContent = text || '';
  });
}
