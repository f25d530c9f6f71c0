// What the person can do, turned into protocol messages. Direct answers go through the same
// handler table as everything else, so each server message type is handled in one place.
import { state, openRooms, openPair } from './state.js';
import { session } from './session.js';
import { errorText } from './words.js';
import { pendingSays } from './handlers.js';
import { openRoom } from './views/chat.js';
import { showView } from './views/router.js';
import { showStartError } from './views/landing.js';
import { showComposerError, currentDraft } from './views/composer.js';
import { showDraftSuggestions } from './views/draft.js';
import { confirmDialog, agreementDialog } from './views/dialogs.js';

const WELCOME_WAIT_MS = 10000;

export function makeActions(conn, on) {
  let latestDraft = null;

  /** Send with a ref; the answer is handled like any server message, then returned. */
  async function ask(message) {
    const reply = await conn.request(message);
    on[reply.type]?.(reply);
    return reply;
  }

  /** A timed-out request whose answer came without its ref has already been handled. */
  const answeredAnyway = (error) => error?.code === 'timeout';

  function nextWelcome() {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        conn.removeEventListener('welcome', ok);
        conn.removeEventListener('fatal', bad);
      };
      const ok = () => { done(); resolve(); };
      const bad = (event) => {
        if (event.detail.retrying) return; // main.js is trying again without a stale resume token
        done();
        reject(event.detail);
      };
      const timer = setTimeout(() => { done(); reject({ code: 'unreachable' }); }, WELCOME_WAIT_MS);
      conn.addEventListener('welcome', ok);
      conn.addEventListener('fatal', bad);
    });
  }

  /** Be connected as `name`. A new name is only taken while not in a conversation or the queue. */
  async function ensureSession(name) {
    if (conn.ready) {
      if (state.me?.name === name || openRooms().length || state.queued) return;
      conn.stop();
      session.save(name, null);
    }
    state.name = name;
    const welcome = nextWelcome();
    conn.start();
    await welcome;
  }

  function startFailed(error) {
    if (state.view !== 'landing') showView('landing');
    showStartError(error?.code === 'unreachable'
      ? 'We can’t reach the server just now. We’ll keep trying; please try again in a moment.'
      : errorText(error));
  }

  async function find(name, topics) {
    showStartError('');
    document.getElementById('landing-note').textContent = '';
    try {
      await ensureSession(name);
      state.topics = topics;
      state.queued = true;
      await ask({ type: 'match', topics }); // `queued` shows the waiting view
    } catch (error) {
      if (answeredAnyway(error) && state.view !== 'landing') return;
      state.queued = error?.code === 'already_queued';
      if (state.queued) return showView('waiting');
      if (error?.code === 'already_paired' && openPair()) return openRoom(openPair());
      startFailed(error);
    }
  }

  async function cancelMatch() {
    state.queued = false;
    session.setQueued(null);
    state.cancelOnResume = !conn.send({ type: 'unmatch' });
    showView('landing');
  }

  async function listRooms(name) {
    try {
      await ensureSession(name);
      await ask({ type: 'rooms' });
    } catch (error) {
      startFailed(error);
    }
  }

  async function join(roomId, agree = false) {
    showStartError('');
    try {
      await ensureSession(state.name || session.name);
      await ask({ type: 'join', room: roomId, ...(agree ? { agree: true } : {}) });
    } catch (error) {
      if (answeredAnyway(error) && state.rooms.get(roomId)?.closed === null) return;
      if (error?.code === 'agreement_required' && !agree) {
        const title = state.roomList.find((r) => r.room === roomId)?.title || '';
        if (await agreementDialog(title, error.agreement)) return join(roomId, true);
        return;
      }
      startFailed(error);
    }
  }

  /** From a shared room link: connect as `name`, learn the room's title, then the usual join. */
  async function joinInvited(name, roomId) {
    showStartError('');
    try {
      await ensureSession(name);
    } catch (error) {
      return startFailed(error);
    }
    try {
      const reply = await conn.request({ type: 'rooms' });
      if (Array.isArray(reply.rooms)) state.roomList = reply.rooms;
    } catch {
      // The title only makes the agreement easier to place; joining works without it.
    }
    return join(roomId);
  }

  function send(text) {
    const room = state.rooms.get(state.current);
    if (!room || room.closed) return false;
    const ref = conn.ref('s');
    if (!conn.send({ type: 'say', room: room.id, text, ref })) {
      showComposerError('You’re offline for a moment. Your message is still in the box; send it again when we’re back.');
      return false;
    }
    pendingSays.set(ref, text);
    return true;
  }

  function typing() {
    if (state.current) conn.send({ type: 'typing', room: state.current });
  }

  /** Draft check; only the answer to the newest draft is shown, and only if the draft is unchanged. */
  function draft(text) {
    const ref = conn.ref('d');
    latestDraft = ref;
    conn.request({ type: 'reflect', text, room: state.current || undefined, ref })
      .then((reply) => {
        if (ref === latestDraft && currentDraft() === text) showDraftSuggestions(reply.suggestions, text);
      })
      .catch(() => { /* suggestions are optional; say nothing */ });
  }

  async function leave(room) {
    if (!room) return;
    const other = room.kind === 'pair' ? room.otherThan(state.me?.peer) : null;
    // Moving to leave: the server may offer both people a closing prompt (what each takes away).
    if (room.kind === 'pair') conn.send({ type: 'leaving', room: room.id });
    const ok = await confirmDialog({
      title: room.kind === 'pair' ? 'Leave this conversation?' : `Leave ${room.title || 'this room'}?`,
      body: other
        ? `${other.name} will see that you have left, and this conversation will end. That’s okay; you can always find another peer.`
        : 'The others will see that you have left. You can come back later if the room is still open.',
      ok: 'Leave', cancel: 'Stay',
    });
    if (!ok) return;
    try {
      await ask({ type: 'leave', room: room.id }); // `left` moves the view on
    } catch (error) {
      if (!answeredAnyway(error)) showComposerError(errorText(error));
    }
  }

  async function block(room) {
    const other = room?.otherThan(state.me?.peer);
    if (!other) return;
    const ok = await confirmDialog({
      title: `Block ${other.name}?`,
      body: `You won’t be matched with ${other.name} again, and this conversation will end. ${other.name} will only see that you left.`,
      ok: 'Block', cancel: 'Cancel',
    });
    if (!ok) return;
    room.blocking = other.peer; // whatever ends the room now, it ended because of this block
    try {
      await ask({ type: 'block', peer: other.peer }); // `blocked` closes the room
    } catch (error) {
      if (!answeredAnyway(error)) showComposerError(errorText(error));
    }
  }

  return {
    ensureSession, find, cancelMatch, listRooms, join, joinInvited, send, typing, draft, leave, block,
    findAnother: () => find(state.name || session.name, state.topics),
    backToStart: () => showView('landing'),
    switchRoom: (id) => { const room = state.rooms.get(id); if (room) openRoom(room); },
  };
}
