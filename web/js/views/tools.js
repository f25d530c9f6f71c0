// The facilitator's tools for the room shown (protocol §9): the link to share, lock, slow mode,
// an announcement, the agreement, closing the room, and lifting bans. Each button hands the
// room to an action; what happened comes back as `moderation` events for everyone.
import { h, setNotice } from '../render.js';
import { copyText } from '../copy.js';

const $ = (id) => document.getElementById(id);

/** The link a facilitator shares: the peer page opens this room's join flow (see invite.js). */
export function shareLink(roomId) {
  return `${location.origin}/?room=${encodeURIComponent(roomId)}`;
}

/** `actions` has lock(room, on), slow(room), announce(room), agreement(room), close(room), unban(room, peer). */
export function initTools(currentRoom, actions) {
  const withRoom = (fn) => () => { const room = currentRoom(); if (room) fn(room); };
  $('tool-lock').addEventListener('click', withRoom((room) => actions.lock(room, !room.locked)));
  $('tool-slow').addEventListener('click', withRoom(actions.slow));
  $('tool-announce').addEventListener('click', withRoom(actions.announce));
  $('tool-agreement').addEventListener('click', withRoom(actions.agreement));
  $('tool-close').addEventListener('click', withRoom(actions.close));
  $('share-copy').addEventListener('click', async () => {
    const field = $('share-link');
    toolsStatus(await copyText(field.value, field) ? 'Link copied.' : 'The link is selected; copy it from there.');
  });
  $('banned-list').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-peer]');
    const room = currentRoom();
    if (button && room) actions.unban(room, button.dataset.peer);
  });
}

/** Redraw the tools for `room`. */
export function renderTools(room) {
  $('share-link').value = shareLink(room.id);
  $('tool-lock').textContent = room.locked ? 'Open the room to new people' : 'Lock the room to new people';
  $('tool-lock').setAttribute('aria-pressed', String(room.locked));
  const banned = [...room.banned.entries()];
  $('banned-box').hidden = banned.length === 0;
  $('banned-list').replaceChildren(...banned.map(([peer, name]) => h('li', {},
    h('span', { text: name || 'Someone' }), ' ',
    h('button', { type: 'button', class: 'link', dataset: { peer }, text: 'Let them come back', 'aria-label': `Let ${name || 'them'} come back` }))));
}

/** A short line about the last tool used (errors, and "link copied"). */
export function toolsStatus(text) {
  setNotice($('tools-status'), text);
}
