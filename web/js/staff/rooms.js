// Facilitators start group rooms here (protocol §5 `create_room`), then share the link and go
// in. While this page is open, alerts from their rooms show here too.
import { h, setNotice } from '../render.js';
import { session } from '../session.js';
import { copyText } from '../copy.js';
import { announce } from '../announce.js';
import { errorText } from '../words.js';
import { shareLink } from '../views/tools.js';
import { staffSocket, onSocketMessage } from './socket.js';

const $ = (id) => document.getElementById(id);
const MAX_TOPICS = 5;
const myRooms = new Map(); // room id → title

function readForm() {
  const title = $('room-title').value.trim();
  const capacity = Number.parseInt($('room-capacity').value, 10);
  const topics = [...new Set($('room-topics').value.split(',').map((t) => t.trim().slice(0, 32)).filter(Boolean))];
  const problem = !title ? 'Please give the room a name.'
    : !(capacity >= 2 && capacity <= 500) ? 'Please choose between 2 and 500 people.'
      : topics.length > MAX_TOPICS ? 'Please choose at most five topics.' : '';
  setNotice($('room-error'), problem);
  if (problem) return null;
  const agreement = $('room-agreement').value.trim();
  return { type: 'create_room', title, capacity, topics, ...(agreement ? { agreement } : {}) };
}

function renderMyRooms() {
  $('my-rooms-box').hidden = myRooms.size === 0;
  $('my-rooms').replaceChildren(...[...myRooms].map(([id, title]) => h('li', {},
    h('a', { href: `/?room=${encodeURIComponent(id)}`, text: `Go to ${title || id}` }))));
}

function showReady(room) {
  const link = shareLink(room);
  $('room-link').value = link;
  $('room-enter').href = `/?room=${encodeURIComponent(room)}`;
  $('room-ready').dataset.room = room;
  $('room-ready').hidden = false;
  $('room-ready').focus();
  announce('Your room is ready. Its link is shown, with a button to copy it.');
}

function onMessage(m) {
  if (m.type === 'joined' && m.kind === 'group') myRooms.set(m.room, m.title);
  if (m.type === 'closed' || m.type === 'left') myRooms.delete(m.room);
  if (m.type === 'alert') {
    const title = myRooms.get(m.room) || 'one of your rooms';
    const text = m.kind === 'report'
      ? `Someone reported a message in ${title}.`
      : `Someone in ${title} may be having a very hard time. You might go to the room and check in.`;
    $('room-alerts').append(h('p', { class: 'landing-note', 'data-testid': 'staff-alert' }, `${text} `,
      h('a', { href: `/?room=${encodeURIComponent(m.room)}`, text: 'Go to the room' })));
    announce(text);
    if (m.kind === 'report') document.dispatchEvent(new Event('reports-changed'));
  }
  renderMyRooms();
}

export function initRooms() {
  onSocketMessage(onMessage);
  // Came here from a room: the chat page picks that session up again (within the grace period).
  $('back-to-chat').hidden = !(session.resume && session.rooms.length);
  $('room-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const request = readForm();
    if (!request) return;
    const button = event.submitter || $('room-form').querySelector('[type="submit"]');
    button.disabled = true;
    try {
      const conn = await staffSocket();
      const reply = await conn.request(request);
      if (!reply.room) throw { code: 'bad_request' };
      myRooms.set(reply.room, request.title);
      session.rememberJoin(reply.room, 0); // a new room starts at seq 0; the chat page catches up from here
      renderMyRooms();
      showReady(reply.room);
    } catch (error) {
      setNotice($('room-error'), error.code === 'unreachable'
        ? 'We can’t reach the chat server just now. Please try again in a moment.'
        : errorText(error));
    } finally {
      button.disabled = false;
    }
  });
  $('room-link-copy').addEventListener('click', async () => {
    const field = $('room-link');
    $('room-link-status').textContent = await copyText(field.value, field) ? 'Link copied.' : 'The link is selected; copy it from there.';
  });
}
