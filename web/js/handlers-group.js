// Server messages about group rooms and safety (protocol §9–10): moderation, changed
// agreements, reports and their outcomes. They join the table in handlers.js.
import { state } from './state.js';
import { announce } from './announce.js';
import { moderationText } from './moderation-words.js';
import { addLine, addCard, markDeleted } from './views/messages.js';
import { outcomeCard } from './views/cards.js';
import { refreshChat } from './views/chat.js';
import { agreementDialog } from './views/dialogs.js';

/** `report` refs on their way → room id, so a `reported` answer knows where it belongs. */
export const pendingReports = new Map();

/** Report id → room id, so a later `report_outcome` lands where the report was made. */
const reportRooms = new Map();

function say(room, text, kind) {
  if (!text) return;
  addLine(room, text, kind);
  if (room.id === state.current) announce(text);
}

/** Apply what a moderation event changes to our picture of the room. */
function apply(room, m, me) {
  switch (m.action) {
    case 'mute':
      room.muted.set(m.peer, m.until ?? null);
      if (Date.parse(m.until) > Date.now()) setTimeout(refreshChat, Math.min(Date.parse(m.until) - Date.now() + 500, 2 ** 31 - 1));
      break;
    case 'unmute': room.muted.delete(m.peer); break;
    case 'ban': room.banned.set(m.peer, room.nameOf(m.peer)); if (m.peer === me) room.bannedMe = true; break;
    case 'unban': room.banned.delete(m.peer); break;
    case 'lock': room.locked = true; break;
    case 'unlock': room.locked = false; break;
    case 'delete':
      if (Number.isInteger(m.seq)) {
        room.messages.set(m.seq, { seq: m.seq, deleted: true });
        markDeleted(room, m.seq);
      }
      break;
    default: break;
  }
  if ((m.action === 'remove' || m.action === 'ban') && m.peer !== me) room.members.delete(m.peer);
}

/** `handlers` join the table in handlers.js; `agree(room)` accepts a room's agreement. */
export function makeGroupHandlers(conn) {
  /** Accept the room's agreement (again); our `say`s are refused until we do. */
  function agree(room) {
    conn.send({ type: 'agree', room: room.id });
    room.needsAgree = false;
    refreshChat();
  }

  const handlers = {
    moderation(m) {
      const room = state.rooms.get(m.room);
      if (!room) return;
      const me = state.me?.peer;
      const mine = m.action === 'delete' && room.messages.get(m.seq)?.from === me;
      // Our own slow-mode change: we know the seconds even if the event doesn't carry them.
      const event = m.action === 'slow' && m.seconds == null && m.by === me ? { ...m, seconds: room.slowSent } : m;
      apply(room, m, me);
      say(room, moderationText(event, (peer) => room.nameOf(peer), me, mine), 'moderation');
      if (room.id === state.current) refreshChat();
    },

    async agreement(m) {
      // A facilitator changed the agreement (§9): read it and accept before writing again.
      const room = state.rooms.get(m.room);
      if (!room) return;
      room.agreement = m.agreement;
      if (room.settingAgreement === m.agreement) {
        room.settingAgreement = null;
        return agree(room); // we wrote it; no need to ask us to read it
      }
      room.needsAgree = true;
      refreshChat();
      if (await agreementDialog(room.title, m.agreement, { changed: true })) agree(room);
    },

    reported(m) {
      const roomId = pendingReports.get(m.ref);
      pendingReports.delete(m.ref);
      const room = state.rooms.get(roomId) || state.rooms.get(state.current);
      if (m.report && room) reportRooms.set(m.report, room.id);
      if (room) say(room, 'Thank you for telling us. Your report was sent. When someone has looked at it, you’ll see their answer here.', 'report');
    },

    report_outcome(m) {
      const room = state.rooms.get(reportRooms.get(m.report)) || state.rooms.get(state.current);
      const text = `A facilitator looked at your report: ${m.outcome || 'they have dealt with it.'}`;
      if (room) addCard(room, outcomeCard(text));
      else document.getElementById('landing-note').textContent = text; // not in a room: say it on the start page
      announce(text);
    },
  };

  return { handlers, agree };
}
