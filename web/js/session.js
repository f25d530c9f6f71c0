// What survives a reload within the resume grace period: the name, the resume token, whether
// we were waiting for a match, and per room the seq at which we joined (so history after a
// reload starts where we came in).
// sessionStorage ends with the tab; no message text is ever stored here.
const KEY = 'withness.session';

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || {};
  } catch {
    return {};
  }
}

function write(value) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage can be full or disabled; resuming after a reload is a nicety, not a need.
  }
}

export const session = {
  get name() { return read().name || ''; },
  get resume() { return read().resume || null; },
  save(name, resume) { write({ ...read(), name, resume }); },
  /** Topics while waiting for a match (null when not waiting), so a reload keeps our place. */
  get queued() { return read().queued ?? null; },
  setQueued(topics) { write({ ...read(), queued: topics }); },
  /** Rooms this tab is in (as far as a reload knows). */
  get rooms() { return Object.keys(read().since || {}); },
  /** Seq we first saw in a room; history after a reload starts here. */
  joinedAt(room) { return read().since?.[room] ?? null; },
  rememberJoin(room, seq) {
    const value = read();
    value.since = { ...(value.since || {}) };
    if (!(room in value.since)) value.since[room] = seq;
    write(value);
  },
  /** Forget everything (signing out of the staff page: the next person must not resume as us). */
  clear() {
    try { sessionStorage.removeItem(KEY); } catch { /* nothing to forget */ }
  },
  forgetRoom(room) {
    const value = read();
    if (value.since) delete value.since[room];
    write(value);
  },
};
