// The receipt for a saved conversation (protocol §8 `transcript`): the only key to it, shown in
// this visit, with a link to the receipt page and a copy button. The server keeps only a
// fingerprint of it, so we say plainly that it can't be shown again.
import { h } from '../render.js';
import { copyText } from '../copy.js';
import { announce } from '../announce.js';
import { confirmDialog } from './dialogs.js';

const $ = (id) => document.getElementById(id);
let nextId = 0;

/** Where the receipt page reads a receipt: the fragment, so it never reaches a server log. */
export function receiptLink(receipt) {
  return `${location.origin}/receipt.html#${encodeURIComponent(receipt)}`;
}

/** Show one receipt. `heading` names the conversation ("You and Sam", a room title). */
export function showReceipt({ heading, receipt, transcript, messages }) {
  const id = `receipt-${++nextId}`;
  const link = receiptLink(receipt);
  const count = Number.isInteger(messages) ? `${messages} message${messages === 1 ? ' was' : 's were'} saved. ` : '';
  const field = h('input', { id, type: 'text', readonly: true, value: link, 'data-testid': 'receipt-link', dataset: { transcript } });
  const status = h('p', { class: 'hint', role: 'status', 'data-testid': 'receipt-copy-status' });
  const card = h('li', { class: 'receipt-card', 'data-testid': 'receipt-card' },
    h('h2', { class: 'small-heading', text: `A copy of “${heading}” was kept` }),
    h('p', { text: `${count}This link is the only key to it. With it you can read the copy, see who has read it and when, and take it back at any time.` }),
    h('p', { text: 'We keep only a fingerprint of the key, not the key itself, so we can’t show it to you again. Please copy it somewhere safe now.' }),
    h('label', { for: id, text: 'Your receipt link' }),
    h('div', { class: 'copy-row' }, field, h('button', {
      type: 'button', class: 'secondary', text: 'Copy', 'data-testid': 'receipt-copy',
      onclick: async () => {
        status.textContent = await copyText(link, field) ? 'Copied.' : 'Copying didn’t work here; the link is selected so you can copy it yourself.';
      },
    })),
    status,
    h('div', { class: 'actions' },
      h('a', { href: link, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'receipt-open', text: 'Open the receipt page' }),
      h('button', {
        type: 'button', class: 'link', text: 'I’ve kept it safe, hide this', 'data-testid': 'receipt-hide',
        onclick: async () => {
          const hide = await confirmDialog({
            title: 'Hide your receipt?',
            body: 'If you haven’t copied the link yet, it will be gone: nobody can show it to you again.',
            ok: 'Hide it', cancel: 'Keep showing it',
          });
          if (!hide) return;
          card.remove();
          $('receipts').hidden = !$('receipt-list').childElementCount;
        },
      })));
  $('receipt-list').append(card);
  $('receipts').hidden = false;
  announce(`A copy of ${heading} was kept. Your receipt link is at the top of the page.`);
}
