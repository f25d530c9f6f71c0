// Everything under the chat heading that depends on the room and our role in it: the consent
// switch, who is here, the agreement, facilitator tools and reports, and a plain line about
// our own state (muted, agreement to accept).
import { state, canModerate } from '../state.js';
import { setNotice } from '../render.js';
import { localTime } from '../time.js';
import { staffToken } from '../staff-token.js';
import { setPanels } from './panels.js';
import { renderPeople } from './people.js';
import { showConsent } from './consent.js';
import { renderTools } from './tools.js';

const $ = (id) => document.getElementById(id);

/** Our own state in this room, said once, above the message box. */
function roomNotice(room, me) {
  const muted = !room.closed && room.muted.has(me);
  const until = room.muted.get(me);
  const stillMuted = muted && (!until || Date.parse(until) > Date.now());
  let text = '';
  if (stillMuted) text = until ? `A facilitator paused your messages until ${localTime(until)}. You can still read along.` : 'A facilitator paused your messages for a while. You can still read along.';
  else if (room.needsAgree && !room.closed) text = 'The room agreement changed. Please read and accept it before you write again.';
  setNotice($('room-notice'), text);
  $('agree-again').hidden = !(room.needsAgree && !room.closed);
}

export function refreshRoomBar(room) {
  const me = state.me?.peer;
  const moderate = canModerate(room);
  const open = !room.closed;
  $('room-bar').hidden = !open;
  setPanels({
    'panel-keep': open,
    'panel-people': open,
    'panel-agreement': open && Boolean(room.agreement),
    'panel-tools': moderate,
    'panel-reports': moderate && Boolean(staffToken.get()),
  });
  renderPeople(room, me, moderate);
  showConsent(room, me);
  $('room-agreement').textContent = room.agreement || '';
  if (moderate) renderTools(room);
  roomNotice(room, me);
}
