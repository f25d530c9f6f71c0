// The receipt page: read the receipt from the address fragment, show the saved conversation
// and who has read it, and let its owner take it back (HTTP API receipts). Everything from the
// server is shown as text.
import { api } from '../http.js';
import { h, setNotice } from '../render.js';
import { localDateTime } from '../time.js';
import { retentionText } from '../consent-words.js';
import { confirmDialog } from '../views/dialogs.js';
import { transcriptTitle, participantItems, transcriptMessages, transcriptAbout } from '../views/transcript.js';

const $ = (id) => document.getElementById(id);
let current = null; // { receipt, kind }

/** The receipt from '#…' (or from a pasted link or bare receipt). */
function receiptFrom(text) {
  const value = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return value.trim();
  }
}

const ROLE_WORDS = { worker: 'a worker', admin: 'an admin', facilitator: 'a facilitator' };

function accessItems(access = []) {
  if (!access.length) return [h('li', { 'data-testid': 'access-none', text: 'Nobody has read it yet.' })];
  return [...access].sort((a, b) => String(a.at).localeCompare(String(b.at))).map((entry) => h('li', { 'data-testid': 'access-entry' },
    h('strong', { text: entry.name || 'Someone' }), `, ${ROLE_WORDS[entry.role] || entry.role || 'staff'}, read it on ${localDateTime(entry.at)}`));
}

function revokeWords(kind) {
  return kind === 'group'
    ? 'Taking it back removes your messages from the saved copy for good. The messages of others who agreed stay.'
    : 'Taking it back deletes the whole saved copy for good, for both of you. Nobody can read it any more.';
}

async function load() {
  const receipt = receiptFrom(location.hash.slice(1));
  $('receipt-body').hidden = true;
  $('revoke-result').hidden = true;
  $('receipt-form').hidden = Boolean(receipt);
  if (!receipt) return setNotice($('receipt-status'), 'Paste the receipt link you were given when the conversation ended.');
  setNotice($('receipt-status'), 'Opening your saved conversation…');
  try {
    const { transcript: t, access } = await api(`/api/receipts/${encodeURIComponent(receipt)}`);
    current = { receipt, kind: t.kind };
    $('receipt-title').textContent = transcriptTitle(t);
    $('receipt-about').textContent = transcriptAbout(t);
    $('access-list').replaceChildren(...accessItems(access));
    $('receipt-people').replaceChildren(...participantItems(t.participants));
    $('receipt-messages').replaceChildren(transcriptMessages(t.messages));
    $('revoke-text').textContent = `${revokeWords(t.kind)} You can do this at any time; otherwise it is deleted by itself when its ${retentionText()} are over.`;
    $('receipt-body').hidden = false;
    setNotice($('receipt-status'), '');
  } catch (error) {
    current = null;
    $('receipt-form').hidden = false;
    setNotice($('receipt-status'), error.status === 404
      ? `We couldn’t find a saved conversation for this receipt. It may have been taken back already, its ${retentionText()} may be over, or the link may have been copied only in part.`
      : 'We can’t reach the server just now. Please try again in a moment.');
  }
}

$('revoke').addEventListener('click', async () => {
  if (!current) return;
  const ok = await confirmDialog({
    title: 'Take back this saved conversation?', body: `${revokeWords(current.kind)} This can’t be undone.`,
    ok: 'Take it back', cancel: 'Keep it for now', danger: true,
  });
  if (!ok) return;
  setNotice($('revoke-error'), '');
  try {
    const reply = await api(`/api/receipts/${encodeURIComponent(current.receipt)}`, { method: 'DELETE' });
    $('receipt-body').hidden = true;
    const result = $('revoke-result');
    result.textContent = reply?.scope === 'messages'
      ? 'Done. Your messages are removed from the saved copy for good.'
      : 'Done. The saved copy is deleted for good. Nobody can read it any more.';
    result.hidden = false;
    result.focus();
    current = null;
    history.replaceState(null, '', location.pathname); // the receipt is spent; don't keep it in the address
  } catch (error) {
    setNotice($('revoke-error'), error.status === 404
      ? 'This copy is already gone: it was taken back, or its time ran out.'
      : 'That didn’t work just now. Nothing was changed; please try again.');
  }
});

$('receipt-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const receipt = receiptFrom($('receipt-input').value);
  if (receipt) location.hash = encodeURIComponent(receipt);
});

addEventListener('hashchange', load);
load();
