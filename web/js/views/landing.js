// The landing view: name, up to five topics (suggested chips plus free text), "Find a peer",
// and the list of group rooms.
import { h, setNotice } from '../render.js';
import { TOPIC_SUGGESTIONS } from '../words.js';

const MAX_TOPICS = 5;
const MAX_TOPIC_LENGTH = 32;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const $ = (id) => document.getElementById(id);

/** Name as the server will see it, or null with the reason shown (protocol §3: 1–32, no control chars). */
export function readName(inputId = 'name', errorId = 'name-error') {
  const input = $(inputId);
  const name = input.value.trim();
  const problem = !name ? 'Please choose a name, any name you like.'
    : [...name].length > 32 ? 'Please keep your name to 32 characters or fewer.'
      : CONTROL.test(name) ? 'Please use only ordinary characters in your name.' : '';
  setNotice($(errorId), problem);
  input.setAttribute('aria-invalid', problem ? 'true' : 'false');
  if (problem) {
    input.focus();
    return null;
  }
  return name;
}

/** Chosen chips first, then the free-text ones; trimmed, deduplicated, at most five. */
export function readTopics() {
  const picked = [...document.querySelectorAll('#topic-chips input:checked')].map((box) => box.value);
  const typed = $('topic-other').value.split(',').map((t) => t.trim().slice(0, MAX_TOPIC_LENGTH));
  const seen = new Set();
  const topics = [];
  for (const topic of [...picked, ...typed]) {
    const key = topic.toLowerCase();
    if (!topic || CONTROL.test(topic) || seen.has(key)) continue;
    seen.add(key);
    topics.push(topic);
  }
  return topics.slice(0, MAX_TOPICS);
}

/** Once five are chosen, the other chips rest, and the count says why. */
function updateTopicLimit() {
  const count = readTopics().length;
  for (const box of document.querySelectorAll('#topic-chips input')) box.disabled = !box.checked && count >= MAX_TOPICS;
  $('topics-count').textContent = count >= MAX_TOPICS ? 'That’s five topics, the most we can use.' : '';
}

function buildChips() {
  const chips = TOPIC_SUGGESTIONS.map((topic, i) => h('span', { class: 'chip' },
    h('input', { type: 'checkbox', id: `topic-${i}`, value: topic, 'data-testid': `topic-${topic.replace(/\s+/g, '-')}` }),
    h('label', { for: `topic-${i}`, text: topic })));
  $('topic-chips').replaceChildren(...chips);
}

/** Wire the landing form. Callbacks get validated values only. */
export function initLanding({ onFind, onShowRooms, onJoin }) {
  buildChips();
  $('topic-chips').addEventListener('change', updateTopicLimit);
  $('topic-other').addEventListener('input', updateTopicLimit);
  $('start-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = readName();
    if (name) onFind(name, readTopics());
  });
  $('show-rooms').addEventListener('click', () => {
    const name = readName();
    if (name) onShowRooms(name);
  });
  $('rooms-list').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-room]');
    if (!button) return;
    const name = readName();
    if (name) onJoin(button.dataset.room, button);
  });
}

export function setName(name) {
  if (name && !$('name').value) $('name').value = name;
}

/** An error about starting (connection, matching, joining), or '' to clear it. */
export function showStartError(text) {
  setNotice($('start-error'), text);
}

/** Render the `rooms` answer as cards with a Join button each. */
export function showRooms(rooms) {
  const list = $('rooms-list');
  const items = rooms.map((room) => {
    const details = [
      Number.isInteger(room.members) ? `${room.members}${room.capacity ? ` of ${room.capacity}` : ''} here` : '',
      room.topics?.length ? `Topics: ${room.topics.join(', ')}` : '',
      room.agreement ? 'Has an agreement' : '',
      room.locked ? 'Not taking new people right now' : '',
    ].filter(Boolean).join(' · ');
    const title = room.title || room.room;
    return h('li', { class: 'room-card', 'data-testid': 'room-card', dataset: { room: room.room } },
      h('div', {}, h('h3', { text: title }), details && h('p', { class: 'hint', text: details })),
      h('button', {
        type: 'button', class: 'secondary', dataset: { room: room.room }, disabled: Boolean(room.locked),
        'aria-label': `Join ${title}`, 'data-testid': 'join-room', text: 'Join',
      }));
  });
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  $('rooms-empty').hidden = items.length !== 0;
}
