// Catching a room up after a gap (a reconnect, a reload, or a skipped seq): page through
// `history` after the last seq we hold while `more` is true, and hold live messages that arrive
// meanwhile, then merge them. Room.add() drops duplicates, so each message shows exactly once
// and in seq order, however the live and fetched copies interleave.
const PAGE = 100;
const MAX_PAGES = 20; // the server keeps at least 500; never loop forever on a confused answer

/**
 * @param conn     Connection (request())
 * @param room     Room
 * @param deliver  (room, message, how: 'history' | 'live') => void, called once per new message
 * @returns { fetched, error }  error is the server's `error` object (e.g. not_in_room) or null
 */
export async function catchUp(conn, room, deliver) {
  if (room.syncing) return { fetched: 0, error: null };
  room.syncing = true;
  let fetched = 0;
  let error = null;
  try {
    let after = room.lastSeq;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const reply = await conn.request({ type: 'history', room: room.id, after, limit: PAGE });
      const messages = (Array.isArray(reply.messages) ? reply.messages : [])
        .filter((m) => m && Number.isInteger(m.seq) && m.seq > after)
        .sort((a, b) => a.seq - b.seq);
      for (const message of messages) {
        if (room.add({ ...message, room: room.id })) {
          fetched += 1;
          deliver(room, message, 'history');
        }
      }
      if (!reply.more || messages.length === 0) break;
      after = messages[messages.length - 1].seq;
    }
    room.settle();
  } catch (problem) {
    // Dropped again (the next welcome starts a fresh catch-up), or the room is gone.
    error = problem;
  } finally {
    room.syncing = false;
    const held = room.buffer.sort((a, b) => a.seq - b.seq);
    room.buffer = [];
    for (const message of held) if (room.add(message)) deliver(room, message, 'live');
  }
  return { fetched, error };
}

/** Route a live message: hold it during a catch-up, else keep it (and report if it is new). */
export function receiveLive(room, message) {
  if (room.syncing) {
    room.buffer.push(message);
    return false;
  }
  return room.add(message);
}
