// Everything the page knows about this visit, in one place. Views read it; handlers change it.
import { Room } from './room.js';

export const state = {
  me: null,              // { peer, name, role } from welcome
  limits: { text: 4000 },
  connection: 'idle',    // idle | connecting | online | reconnecting | stopped
  view: 'landing',       // landing | waiting | chat
  queued: false,         // we asked for a match and are waiting
  name: '',              // the name we say hello with
  topics: [],            // topics of the last match request (to ask again after a resume)
  cancelOnResume: false, // "stop looking" was pressed while offline; tell the server once back
  rooms: new Map(),      // room id → Room
  current: null,         // room id shown in the chat view
  roomList: [],          // the last `rooms` answer
};

/** The room with this id, made on first sight. */
export function roomFor(id) {
  let room = state.rooms.get(id);
  if (!room) {
    room = new Room(id);
    state.rooms.set(id, room);
  }
  return room;
}

/** Rooms we are still in (not closed or left). */
export function openRooms() {
  return [...state.rooms.values()].filter((room) => !room.closed);
}

/** Our open pair room, if any (a peer has at most one). */
export function openPair() {
  return openRooms().find((room) => room.kind === 'pair');
}

/** Whether we may moderate this room: its facilitators, and admins anywhere (protocol §9). */
export function canModerate(room) {
  return Boolean(room) && room.kind === 'group' && !room.closed
    && (room.you?.role === 'facilitator' || state.me?.role === 'admin');
}
