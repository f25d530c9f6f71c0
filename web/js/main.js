// Entry point: make the connection, wire views to actions and server messages to handlers,
// and resume a session that a reload interrupted.
import { Connection, socketURL } from './api.js';
import { state, openRooms } from './state.js';
import { session } from './session.js';
import { makeHandlers } from './handlers.js';
import { makeActions } from './actions.js';
import { initLanding, setName, showStartError, readName } from './views/landing.js';
import { initWaiting } from './views/waiting.js';
import { initChat, showClosed } from './views/chat.js';
import { initComposer, setTextLimit } from './views/composer.js';
import { showStatus } from './views/status.js';
import { addLine } from './views/messages.js';
import { errorText } from './words.js';
import { staffToken } from './staff-token.js';
import { setRetentionDays } from './consent-words.js';
import { refreshKeepPoints } from './views/consent.js';
import { invitedRoom, initInvite, setInviteName } from './views/invite.js';
import { wireGroup } from './wire-group.js';

// Staff signed in on the staff page say hello with their token (protocol §3 `auth`).
const conn = new Connection(socketURL(), () => {
  const resume = session.resume;
  const auth = staffToken.get()?.token;
  const name = state.name || session.name;
  return { ...(name ? { name } : {}), ...(resume ? { resume } : {}), ...(auth ? { auth } : {}) };
});
const { on, sync, agree } = makeHandlers(conn);
const actions = makeActions(conn, on);
wireGroup(conn, on, agree);
const invited = invitedRoom();

conn.addEventListener('status', ({ detail }) => {
  state.connection = detail;
  showStatus(detail);
});

conn.addEventListener('message', ({ detail }) => on[detail.type]?.(detail));

conn.addEventListener('welcome', ({ detail: welcome }) => {
  state.me = { peer: welcome.peer, name: welcome.name, role: welcome.role };
  state.name = welcome.name;
  setTextLimit(welcome.limits?.text);
  setRetentionDays(welcome.retentionDays ?? welcome.limits?.retentionDays);
  refreshKeepPoints();
  session.save(welcome.name, welcome.resume);
  document.getElementById('staff-link').hidden = !['facilitator', 'worker', 'admin'].includes(welcome.role);
  // A facilitator entering a room from the staff page: no name to choose, straight in.
  if (invited && staffToken.get() && !welcome.resumed && !state.rooms.has(invited)) actions.join(invited);
  for (const room of openRooms()) {
    if (welcome.resumed) {
      addLine(room, 'You were offline for a moment. Anything you missed follows here.');
      sync(room); // fetch what we missed; a room we are no longer in ends gently
    } else {
      room.closed = 'expired';
      session.forgetRoom(room.id);
      showClosed(room);
    }
  }
  if (state.cancelOnResume) {
    state.cancelOnResume = false;
    conn.send({ type: 'unmatch' });
    return;
  }
  if (!state.queued && Array.isArray(session.queued) && !openRooms().length) {
    state.queued = true; // reloaded while waiting
    state.topics = session.queued;
  }
  if (state.queued) {
    // Keep our wish to be matched across a reconnect (already_queued just means it was kept).
    conn.request({ type: 'match', topics: state.topics }).then((r) => on.queued(r), (error) => {
      if (error.code === 'already_queued') on.queued({ position: null });
    });
  }
});

conn.addEventListener('fatal', ({ detail: error }) => {
  if (error.code === 'unauthorized' && staffToken.get()) {
    // The staff sign-in ran out: say so, and let the next try be an ordinary visit.
    staffToken.clear();
    return showStartError('Your staff sign-in has ended. Please sign in again on the staff page.');
  }
  // A stale resume token must not lock anyone out: forget it and try once more as new.
  if (session.resume && error.code !== 'name_invalid') {
    error.retrying = true;
    session.save(session.name, null);
    return conn.start();
  }
  showStartError(errorText(error));
});

initLanding({
  onFind: actions.find,
  onShowRooms: actions.listRooms,
  onJoin: (room) => actions.join(room),
});
initWaiting({ onCancel: actions.cancelMatch });
initChat({
  onLeave: actions.leave,
  onBlock: actions.block,
  onFindAnother: actions.findAnother,
  onBack: actions.backToStart,
  onSwitch: actions.switchRoom,
});
initComposer({ onSend: actions.send, onTyping: actions.typing, onDraft: actions.draft });

initInvite({ room: invited, readName, onJoin: (name) => actions.joinInvited(name, invited) });

// A reload within the grace period picks the conversation up again.
setName(session.name);
setInviteName(session.name);
if ((session.resume && session.name) || (invited && staffToken.get())) {
  state.name = session.name;
  conn.start();
}

// Test hook, only on ?test=1: lets a browser test drop the connection as a network would.
if (new URLSearchParams(location.search).has('test')) {
  window.__withness = { dropConnection: () => conn.simulateDrop(), state };
}
