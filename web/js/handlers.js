// What the page does with each server message (protocol §3–10). One small function per type;
// consent (§8) and group/safety (§9–10) handlers live beside this file and join the table.
import { state, roomFor } from './state.js';
import { session } from './session.js';
import { catchUp, receiveLive } from './sync.js';
import { announce } from './announce.js';
import { errorText, presenceText } from './words.js';
import { addMessage, addCard, addLine, messageElementFor, dropList } from './views/messages.js';
import { reflectionCard, promptCard, supportCard, alertCard } from './views/cards.js';
import { openRoom, refreshChat, showClosed, showTyping, hideTyping, renderTabs, leaveView } from './views/chat.js';
import { restoreDraft, showComposerError } from './views/composer.js';
import { setPosition } from './views/waiting.js';
import { showRooms, showStartError } from './views/landing.js';
import { showView } from './views/router.js';
import { showPanel } from './views/panels.js';
import { makeGroupHandlers } from './handlers-group.js';
import { makeConsentHandlers } from './handlers-consent.js';

/** `say` refs still waiting for their echo, with the text (to put it back if refused). */
export const pendingSays = new Map();

/** `on[type](message)` for each server message type, and `sync(room)` to catch a room up. */
export function makeHandlers(conn) {
  const isMine = (message) => message.from === state.me?.peer;

  /** A message is new to us: show it, and tell screen readers if someone else wrote it live. */
  function deliver(room, message, how) {
    const mine = isMine(message);
    if (message.from && message.name) room.names.set(message.from, message.name);
    addMessage(room, message, mine);
    if (message.ref) pendingSays.delete(message.ref);
    if (mine || message.deleted) return;
    if (room.id === state.current) hideTyping();
    if (how !== 'live') return;
    if (room.id === state.current && state.view === 'chat') {
      announce(`${message.name}: ${message.text}`);
    } else {
      room.unread += 1;
      renderTabs();
      announce(`New message from ${message.name} in ${room.heading(state.me?.peer)}`);
    }
  }

  /** Fetch what we missed in a room; a room the server no longer has us in has ended. */
  async function sync(room) {
    const { fetched, error } = await catchUp(conn, room, deliver);
    if (fetched > 0) announce(`${fetched === 1 ? 'One message' : `${fetched} messages`} arrived while you were away.`);
    if (['not_in_room', 'no_such_room'].includes(error?.code) && !room.closed) {
      room.closed = 'gone';
      session.forgetRoom(room.id);
      showClosed(room);
    }
  }

  const on = {

    joined(m) {
      const earlier = state.rooms.get(m.room);
      const known = Boolean(earlier) && !earlier.closed;
      if (earlier?.closed) {
        // Coming back to a room we left: start a fresh page for it.
        state.rooms.delete(m.room);
        dropList(m.room);
      }
      const room = roomFor(m.room);
      room.applyJoined(m);
      room.serverSeq = m.seq;
      if (!known) {
        // First sight on this page: start where we came in (or, after a reload, where we first did).
        const since = session.joinedAt(room.id);
        room.lastSeq = Number.isInteger(since) ? since : (Number.isInteger(m.seq) ? m.seq : 0);
        session.rememberJoin(room.id, room.lastSeq);
      }
      if (room.serverSeq > room.lastSeq) sync(room);
      if (room.kind === 'pair') {
        state.queued = false;
        session.setQueued(null);
      }
      const other = room.kind === 'pair' && room.otherThan(state.me?.peer);
      if (!known && other) announce(`You’re now talking with ${other.name}.`);
      // A resume must not pull focus away from someone mid-sentence; a new room is shown at once.
      if (!known || state.view !== 'chat') openRoom(room);
      else refreshChat();
    },

    message(m) {
      const room = state.rooms.get(m.room);
      if (!room) return;
      if (!room.syncing && room.hasGapBefore(m.seq)) {
        room.buffer.push(m);
        return sync(room);
      }
      if (receiveLive(room, m)) deliver(room, m, 'live');
    },

    presence(m) {
      const room = state.rooms.get(m.room);
      if (!room) return;
      if (m.state === 'left') room.members.delete(m.peer);
      else room.setMember({ peer: m.peer, name: m.name, state: m.state === 'away' ? 'away' : 'here' });
      addLine(room, presenceText(m.state, m.name));
      if (room.id === state.current) refreshChat();
    },

    typing(m) {
      const room = state.rooms.get(m.room);
      const who = room?.members.get(m.peer);
      if (room && who) showTyping(room, who.name);
    },

    closed(m) {
      const room = state.rooms.get(m.room);
      if (!room || room.closed) return;
      room.closed = room.blocking ? 'blocked' : room.bannedMe && m.reason === 'removed' ? 'banned' : m.reason || 'ended';
      session.forgetRoom(room.id);
      showClosed(room);
    },

    queued(m) {
      state.queued = true;
      session.setQueued(state.topics);
      setPosition(m.position);
      const inConversation = state.view === 'chat' && state.rooms.get(state.current)?.closed === null;
      if (state.view !== 'waiting' && !inConversation) showView('waiting');
    },

    unqueued() {
      state.queued = false;
      session.setQueued(null);
    },

    rooms(m) {
      state.roomList = Array.isArray(m.rooms) ? m.rooms : [];
      showRooms(state.roomList);
      const n = state.roomList.length;
      if (state.view === 'landing') announce(n ? `${n === 1 ? 'One group room is' : `${n} group rooms are`} open.` : 'No group rooms are open right now.');
    },

    reflection(m) {
      // Draft answers come back through request(); these follow a sent message, for its author only.
      const room = state.rooms.get(m.room);
      if (!room || !Array.isArray(m.suggestions) || m.suggestions.length === 0) return;
      const sent = room.messages.get(m.seq);
      addCard(room, reflectionCard(m.suggestions, sent?.text || ''), m.seq);
    },

    prompts(m) {
      const room = state.rooms.get(m.room);
      if (!room) return;
      const scope = m.for === 'room' ? 'for everyone in this room' : 'for you here';
      addLine(room, m.enabled ? `Automatic prompts are on again ${scope}.` : `Automatic prompts are off ${scope}.`);
      if (room.id === state.current) refreshChat();
    },

    prompt(m) {
      const room = state.rooms.get(m.room);
      const onTurnOff = () => conn.send({ type: 'prompts', room: m.room, enabled: false, for: 'me' });
      if (room) addCard(room, promptCard(m, { onTurnOff }));
    },

    support(m) {
      const room = state.rooms.get(m.room) || state.rooms.get(state.current);
      if (room) addCard(room, supportCard(m));
    },

    alert(m) {
      const room = state.rooms.get(m.room);
      if (!room) return;
      addCard(room, alertCard(m, (seq) => {
        const el = messageElementFor(room, seq);
        if (!el) return;
        el.tabIndex = -1;
        el.scrollIntoView({ block: 'center' });
        el.focus();
      }, () => {
        if (room.id !== state.current) openRoom(room);
        showPanel('panel-reports');
      }));
      announce('A facilitator notice was added to the conversation.');
    },

    blocked(m) {
      for (const room of state.rooms.values()) {
        if (room.kind === 'pair' && !room.closed && room.members.has(m.peer)) {
          room.closed = 'blocked';
          session.forgetRoom(room.id);
          showClosed(room);
        }
      }
    },

    left(m) {
      const room = state.rooms.get(m.room);
      if (!room || room.closed) return;
      if (room.blocking) return on.closed(m); // blocking ends the room; stay and say so
      room.closed = 'left';
      session.forgetRoom(m.room);
      if (room.id === state.current) leaveView('You left the conversation. Take care, and come back whenever you like.');
      else renderTabs();
    },

    error(m) {
      const said = m.ref && pendingSays.get(m.ref);
      if (said) {
        pendingSays.delete(m.ref);
        restoreDraft(said);
        const room = state.rooms.get(state.current);
        // The agreement changed and hasn't been accepted yet: offer it again rather than just refuse.
        if (m.code === 'agreement_required' && room?.agreement) return on.agreement({ room: room.id, agreement: m.agreement || room.agreement });
        if (m.code === 'muted' && room && !room.muted.has(state.me?.peer)) {
          room.muted.set(state.me?.peer, null);
          refreshChat();
        }
        return showComposerError(errorText(m));
      }
      if (state.view === 'chat') showComposerError(errorText(m));
      else showStartError(errorText(m));
    },
  };

  const group = makeGroupHandlers(conn);
  Object.assign(on, group.handlers, makeConsentHandlers());
  return { on, sync, agree: group.agree };
}
