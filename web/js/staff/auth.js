// Staff sign-in over the HTTP API: log in, check a stored sign-in, log out. The token lives in
// sessionStorage (staff-token.js), so it ends with the tab.
import { api } from '../http.js';
import { staffToken } from '../staff-token.js';
import { session } from '../session.js';

export async function signIn(username, password) {
  const reply = await api('/api/login', { method: 'POST', body: { username, password } });
  const sign = { token: reply.token, role: reply.role, name: reply.name || username, expires: reply.expires };
  staffToken.save(sign);
  return sign;
}

/** The stored sign-in if the server still takes it (with name and role refreshed), else null. */
export async function checkStored() {
  const sign = staffToken.get();
  if (!sign) return null;
  try {
    const me = await api('/api/me', { token: sign.token });
    const fresh = { ...sign, name: me.name || sign.name, role: me.role || sign.role, expires: me.expires || sign.expires };
    staffToken.save(fresh);
    return fresh;
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      staffToken.clear();
      return null;
    }
    return sign; // the server is unreachable for a moment; the next request will tell
  }
}

/** Sign out here and on the server, and forget the chat session too (nobody resumes as us). */
export async function signOut() {
  const sign = staffToken.get();
  staffToken.clear();
  session.clear();
  if (!sign) return;
  try {
    await api('/api/logout', { method: 'POST', token: sign.token });
  } catch {
    // The token ends by itself; nothing more to do.
  }
}

/** A sign-in failure in plain words. */
export function signInProblem(error) {
  if (error.status === 401) return 'That name and password don’t match. Please try again.';
  if (error.status === 429) {
    const wait = error.retryAfter ? `${error.retryAfter} second${error.retryAfter === 1 ? '' : 's'}` : 'a little while';
    return `That was a few tries in a row, so signing in is paused. Please wait ${wait}, then try again.`;
  }
  if (error.code === 'unreachable') return 'We can’t reach the server just now. Please try again in a moment.';
  return 'Signing in didn’t work just now. Please try again.';
}
