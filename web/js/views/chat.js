// The chat view around the messages: heading, who is here, room switcher, typing line,
// leave/block, and the notice when a conversation ends.
import { h, setNotice } from '../render.js';
import { state, openRooms } from '../state.js';
import { closedText } from '../words.js';
import { showList } from './messages.js';
import { setComposerEnabled } from './composer.js';
import { refreshRoomBar } from './room-bar.js';
import { showView } from './router.js';

const $ = (id) => document.getElementById(id);
const TYPING_SHOWN_MS = 4000;
let typingTimer = null;

export function initChat({ onLeave, onBlock, onFindAnother, onBack, onSwitch }) {
  $('leave-button').addEventListener('click', () => onLeave(currentRoom()));
  $('block-button').addEventListener('click', () => onBlock(currentRoom()));
  $('find-another').addEventListener('click', onFindAnother);
  $('back-to-start').addEventListener('click', onBack);
  $('room-tabs').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-room]');
    if (button) onSwitch(button.dataset.room);
  });
}

export function currentRoom() {
  return state.rooms.get(state.current) || null;
}

function memberLine(room) {
  const me = state.me?.peer;
  const others = [...room.members.values()].filter((m) => m.peer !== me);
  const describe = (m) => `${m.name}${m.role === 'facilitator' ? ' (facilitator)' : ''}${m.state === 'away' ? ', away for a moment' : ''}`;
  if (room.kind === 'pair') {
    const other = others[0];
    if (!other) return '';
    return other.state === 'away' ? `${other.name} is away for a moment.` : `${other.name} is here.`;
  }
  if (!others.length) return 'Nobody else is here yet.';
  return `Here with you: ${others.map(describe).join(', ')}`;
}

/** Redraw the heading, members, buttons and closed notice for the current room. */
export function refreshChat() {
  const room = currentRoom();
  if (!room) return;
  $('chat-title').textContent = room.heading(state.me?.peer);
  $('chat-members').textContent = room.closed ? '' : memberLine(room);
  $('block-button').hidden = room.kind !== 'pair' || Boolean(room.closed);
  $('leave-button').hidden = Boolean(room.closed);
  setComposerEnabled(!room.closed);
  $('closed-notice').hidden = !room.closed;
  if (room.closed) {
    const other = room.kind === 'pair' ? room.otherThan(state.me?.peer) : null;
    setNotice($('closed-text'), closedText(room.closed, other?.name, room.kind));
  }
  refreshRoomBar(room);
  renderTabs();
}

/** Buttons to switch rooms, only when there is more than one conversation open. */
export function renderTabs() {
  const rooms = openRooms();
  const current = currentRoom();
  if (current?.closed) rooms.unshift(current);
  const nav = $('room-tabs');
  nav.hidden = rooms.length < 2;
  nav.replaceChildren(...rooms.map((room) => h('button', {
    type: 'button', class: `quiet${room.unread ? ' unread' : ''}`, dataset: { room: room.id },
    'aria-current': room.id === state.current ? 'true' : 'false',
    text: room.heading(state.me?.peer) + (room.unread ? ` (${room.unread} new)` : ''),
  })));
}

/** Show a room in the chat view. `focus`: where keyboard focus goes (default: the heading). */
export function openRoom(room, focus = null) {
  state.current = room.id;
  room.unread = 0;
  showList(room, `Messages in ${room.heading(state.me?.peer)}`);
  hideTyping();
  refreshChat();
  showView('chat', focus);
}

/** The room has ended for us: say so kindly and offer the way on. Focus the notice if it's in view. */
export function showClosed(room) {
  if (room.id !== state.current) return renderTabs();
  hideTyping();
  refreshChat();
  if (state.view === 'chat') $('closed-notice').focus();
}

/** After a room ends for us: another open room if there is one, else the start with a kind note. */
export function leaveView(note) {
  const next = openRooms()[0];
  if (next) return openRoom(next);
  document.getElementById('landing-note').textContent = note;
  showView('landing');
}

/** "River is writing…" for a few seconds (not announced: it would talk over the messages). */
export function showTyping(room, name) {
  if (room.id !== state.current || room.closed) return;
  $('typing-indicator').textContent = `${name} is writing…`;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(hideTyping, TYPING_SHOWN_MS);
}

export function hideTyping() {
  clearTimeout(typingTimer);
  $('typing-indicator').textContent = '';
}
