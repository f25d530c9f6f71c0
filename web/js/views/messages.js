// One message list per room, kept in seq order. Private cards and quiet presence lines sit
// in the same list, where they happened.
import { h } from '../render.js';
import { localTime, localDateTime } from '../time.js';

const lists = new Map(); // room id → <ol>
let decorate = null;     // (room, message, mine) => element | null: the per-message actions button

/** Set what each message gets beside its name (its actions menu button). */
export function setMessageDecorator(fn) {
  decorate = fn;
}

/** The list for a room, made on first use (hidden until that room is shown). */
export function listFor(room) {
  let list = lists.get(room.id);
  if (!list) {
    list = h('ol', {
      class: 'messages', tabindex: '0', 'data-testid': 'message-list', dataset: { room: room.id },
      'aria-label': 'Messages', hidden: true,
    });
    document.getElementById('message-lists').append(list);
    lists.set(room.id, list);
  }
  return list;
}

/** Show one room's list and hide the others. */
export function showList(room, label) {
  for (const [id, list] of lists) list.hidden = id !== room.id;
  const list = listFor(room);
  list.hidden = false;
  list.setAttribute('aria-label', label);
  list.scrollTop = list.scrollHeight;
}

function nearBottom(list) {
  return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
}

function append(list, el, stick) {
  list.append(el);
  if (stick) list.scrollTop = list.scrollHeight;
}

function deletedElement(message) {
  return h('li', { class: 'msg deleted', 'data-testid': 'message', dataset: { seq: message.seq, deleted: true } },
    h('p', { class: 'msg-text', 'data-testid': 'message-text', text: 'This message was removed.' }));
}

function messageElement(room, message, mine) {
  if (message.deleted) return deletedElement(message);
  const facilitator = message.role === 'facilitator';
  const name = message.announcement ? (mine ? 'Your announcement' : `Announcement from ${message.name}`)
    : mine ? 'You' : message.name;
  return h('li', {
    class: `msg${mine ? ' mine' : ''}${message.announcement ? ' announcement' : ''}`,
    'data-testid': 'message', dataset: { seq: message.seq, from: message.from, own: mine },
  },
  h('div', { class: 'msg-meta' },
    h('span', { class: 'msg-name', 'data-testid': 'message-name', text: name }),
    facilitator && !message.announcement && h('span', { text: 'facilitator' }),
    h('time', { datetime: message.at, title: localDateTime(message.at), text: localTime(message.at) }),
    decorate?.(room, message, mine)),
  h('p', { class: 'msg-text', 'data-testid': 'message-text', text: message.text }));
}

/** Put a message in its place by seq (history can fill in before later live ones). */
export function addMessage(room, message, mine) {
  const list = listFor(room);
  const stick = mine || nearBottom(list);
  const el = messageElement(room, message, mine);
  const later = [...list.querySelectorAll(':scope > [data-seq]')].find((node) => Number(node.dataset.seq) > message.seq);
  if (later) list.insertBefore(el, later);
  else append(list, el, stick);
  return el;
}

/** A card (reflection, prompt, support, alert) after the message it belongs to, or at the end. */
export function addCard(room, card, afterSeq = null) {
  const list = listFor(room);
  const anchor = afterSeq != null && list.querySelector(`:scope > [data-seq="${Number(afterSeq)}"]`);
  if (anchor) anchor.after(card);
  else append(list, card, true);
}

/** A quiet line such as "River is back."; `kind` (moderation, consent, report) marks what it is about. */
export function addLine(room, text, kind = 'presence') {
  const list = listFor(room);
  append(list, h('li', { class: `sys ${kind}`, 'data-testid': 'system-line', dataset: { kind }, text }), nearBottom(list));
}

/** The list element of the message with this seq (to jump to it from an alert). */
export function messageElementFor(room, seq) {
  return listFor(room).querySelector(`:scope > [data-seq="${Number(seq)}"]`);
}

/** A facilitator removed a message: it stays in its place, saying so, with its words gone. */
export function markDeleted(room, seq) {
  const old = messageElementFor(room, seq);
  if (old) old.replaceWith(deletedElement({ seq }));
}

/** Forget a closed room's list entirely. */
export function dropList(roomId) {
  lists.get(roomId)?.remove();
  lists.delete(roomId);
}
