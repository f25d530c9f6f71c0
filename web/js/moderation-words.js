// What facilitators' actions (protocol §9) look like to everyone in the room: plain, kind
// sentences that say what happened without shaming anyone. One function, one case per action.
import { localTime } from './time.js';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "10 minutes (until 14:05)", or "a while" when the server gave no end time. */
export function muteSpan(until, now = Date.now()) {
  const ends = Date.parse(until);
  if (Number.isNaN(ends)) return 'a while';
  const minutes = Math.max(1, Math.round((ends - now) / 60000));
  return `${plural(minutes, 'minute')} (until ${localTime(until)})`;
}

/**
 * @param m     the `moderation` event { action, peer?, seq?, by, until? } (plus `seconds` for `slow` if sent)
 * @param nameOf (peerId) => the name we know for them, or ''
 * @param me    our own peer id
 * @param mine  true when `m.seq` is one of our own messages (for `delete`)
 * @returns the line to show, or '' when nothing needs saying (e.g. `announce`: the message shows)
 */
export function moderationText(m, nameOf, me, mine = false) {
  const forMe = m.peer != null && m.peer === me;
  const byMe = m.by === me;
  const name = nameOf(m.peer) || 'Someone';
  const byName = nameOf(m.by);
  const by = byName ? `${byName} (facilitator)` : 'a facilitator';
  const span = muteSpan(m.until);
  switch (m.action) {
    case 'mute':
      if (forMe) return `A facilitator paused your messages for ${span}. You can still read along, and you’re still welcome here.`;
      return byMe ? `You muted ${name} for ${span}.` : `${name} was muted for ${span} by ${by}.`;
    case 'unmute':
      if (forMe) return 'You can send messages again.';
      return `${name} can send messages again.`;
    case 'remove':
      if (forMe) return 'A facilitator asked you to leave this room.';
      return byMe ? `You asked ${name} to leave the room.` : `${name} was asked to leave the room by ${by}.`;
    case 'ban':
      if (forMe) return 'A facilitator asked you to leave this room, and you can’t come back to it.';
      return byMe ? `You banned ${name} from this room.` : `${name} was asked to leave and can’t come back to this room.`;
    case 'unban':
      return byMe ? `You let ${name} come back to this room.` : `${name} may come back to this room again.`;
    case 'delete':
      if (byMe) return 'You removed a message.';
      return mine ? 'A facilitator removed one of your messages.' : `A message was removed by ${by}.`;
    case 'lock':
      return byMe ? 'You locked the room: no new people can join for now.' : 'The room isn’t taking new people for now.';
    case 'unlock':
      return 'The room is open to new people again.';
    case 'slow': {
      // The event may not say how slow; then say only that it changed.
      const seconds = m.seconds;
      if (!Number.isInteger(seconds)) return 'Slow mode changed: please leave a little time between messages.';
      if (seconds <= 0) return 'Slow mode is off.';
      return `Slow mode is on: everyone can send one message every ${plural(seconds, 'second')}. It gives everyone room to think.`;
    }
    case 'close_room':
      return byMe ? 'You closed this room.' : `This room was closed by ${by}.`;
    case 'set_agreement':
      return byMe ? 'You changed the room agreement.' : `The room agreement was changed by ${by}.`;
    default:
      return '';
  }
}
