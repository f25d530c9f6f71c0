// The staff page's WebSocket, opened only when needed (creating a room). It says hello with the
// staff token and the chat session's resume token, so the facilitator who created a room is the
// same peer when the chat page picks the session up (protocol §3 resume).
import { Connection, socketURL } from '../api.js';
import { session } from '../session.js';
import { staffToken } from '../staff-token.js';

const WELCOME_WAIT_MS = 10000;
let conn = null;

function make() {
  const c = new Connection(socketURL(), () => {
    const auth = staffToken.get()?.token;
    const resume = session.resume;
    return { ...(auth ? { auth } : {}), ...(resume ? { resume } : {}) };
  });
  c.addEventListener('welcome', ({ detail }) => session.save(detail.name, detail.resume));
  c.addEventListener('fatal', ({ detail }) => {
    // A stale resume token must not lock anyone out: forget it and try once more as new.
    if (session.resume && detail.code !== 'unauthorized') {
      detail.retrying = true;
      session.save(session.name, null);
      c.start();
    }
  });
  return c;
}

/** The connection, connected and past hello (rejects with the hello error or 'unreachable'). */
export function staffSocket() {
  conn ||= make();
  if (conn.ready) return Promise.resolve(conn);
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      conn.removeEventListener('welcome', ok);
      conn.removeEventListener('fatal', bad);
    };
    const ok = () => { done(); resolve(conn); };
    const bad = ({ detail }) => { if (!detail.retrying) { done(); reject(detail); } };
    const timer = setTimeout(() => { done(); reject({ code: 'unreachable' }); }, WELCOME_WAIT_MS);
    conn.addEventListener('welcome', ok);
    conn.addEventListener('fatal', bad);
    conn.start();
  });
}

/** Server messages that aren't answers (joined, alert, closed…), once the socket exists. */
export function onSocketMessage(handler) {
  conn ||= make();
  conn.addEventListener('message', ({ detail }) => handler(detail));
}
