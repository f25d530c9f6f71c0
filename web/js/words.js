// What the page says when something goes wrong, in plain words. One sentence per protocol
// error code (protocol §2), plus the client's own states.
const ERRORS = {
  bad_json: 'Something got muddled on the way to the server. Please try again.',
  unknown_type: 'This page and the server didn’t understand each other. Reloading the page may help.',
  bad_request: 'Something in that request wasn’t quite right. Please try again.',
  not_ready: 'Still connecting. Give it a moment, then try again.',
  already_hello: 'You’re already connected.',
  name_invalid: 'That name didn’t work. Please choose a name of 1 to 32 characters.',
  not_in_room: 'You’re no longer in that conversation.',
  no_such_room: 'That room isn’t open any more.',
  room_full: 'That room is full right now. You could try again a little later.',
  room_locked: 'That room isn’t taking new people at the moment.',
  banned: 'You can’t join that room.',
  muted: 'Your messages are paused for now, so that one wasn’t sent. It’s still in the box for later.',
  agreement_required: 'This room asks everyone to accept its agreement first.',
  forbidden: 'That isn’t something you can do here.',
  unauthorized: 'Your staff sign-in didn’t work. Please sign in again.',
  rate_limited: 'Slow down a little. That message wasn’t sent; try again in a moment.',
  too_long: 'That message is longer than we can send. Could you split it into parts?',
  already_queued: 'You’re already waiting for a peer.',
  not_queued: 'You weren’t waiting for a peer.',
  already_paired: 'You’re already in a one-to-one conversation. Leave it first to find someone new.',
  invalid_receipt: 'That receipt doesn’t match a saved conversation.',
  server_busy: 'The server is very busy right now. Please try again in a little while.',
  offline: 'You’re offline for a moment. We’ll reconnect by ourselves.',
  timeout: 'The server didn’t answer in time. Please try again.',
};

/** A kind sentence for an error object or code; never the raw server text alone. */
export function errorText(error) {
  const code = typeof error === 'string' ? error : error?.code;
  return ERRORS[code] || 'Something went wrong. Please try again.';
}

/** Connection states as the header shows them. Empty when all is well, so it stays quiet. */
export const STATUS = {
  idle: '',
  connecting: 'Connecting…',
  online: '',
  reconnecting: 'Reconnecting…',
  reconnectingInRoom: 'Reconnecting… your conversation is kept for a little while.',
  stopped: 'Not connected.',
};

/** Why a room ended, said gently, with the other person's name when we have it. */
export function closedText(reason, name, kind = 'pair') {
  const who = name || 'The other person';
  switch (reason) {
    case 'peer_left':
      return `${who} has left the conversation. People leave for all sorts of reasons, and it’s okay. Whenever you’re ready, you can find another peer.`;
    case 'blocked':
      return `You blocked ${name || 'this person'}. You won’t be matched with them again. Whenever you’re ready, you can find another peer.`;
    case 'removed':
      return 'A facilitator has asked you to leave this room. You can still talk with a peer one to one.';
    case 'banned':
      return 'A facilitator has asked you to leave this room, and you can’t come back to it. You can still talk with a peer one to one, or join another room.';
    case 'gone':
      return 'This conversation ended while you were away. Whenever you’re ready, you can find another peer.';
    case 'expired':
      return 'We were apart for too long and this conversation has ended. You can find a peer again whenever you like.';
    default:
      return kind === 'group'
        ? 'This room has closed. Thank you for being part of it. Whenever you’re ready, you can find a peer or another room.'
        : 'This conversation has ended. Whenever you’re ready, you can find another peer.';
  }
}

/** Presence changes as quiet lines in the conversation. */
export function presenceText(state, name) {
  switch (state) {
    case 'joined': return `${name} joined.`;
    case 'left': return `${name} left.`;
    case 'away': return `${name}’s connection dropped. They may be back in a moment.`;
    case 'back': return `${name} is back.`;
    default: return '';
  }
}

/** Topic suggestions on the landing page: everyday words, no labels. */
export const TOPIC_SUGGESTIONS = [
  'loss', 'family', 'loneliness', 'work', 'relationships', 'hearing voices', 'feeling stuck', 'big changes',
];
