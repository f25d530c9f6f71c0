// The staff sign-in, kept for this tab only (sessionStorage ends with the tab). The chat page
// reads it too, so a facilitator who enters a room says hello with `auth` and is its facilitator.
const KEY = 'withness.staff';

export const staffToken = {
  /** { token, role, name, expires } or null (also null once `expires` has passed). */
  get() {
    try {
      const value = JSON.parse(sessionStorage.getItem(KEY));
      if (!value?.token) return null;
      const ends = Date.parse(value.expires);
      return Number.isNaN(ends) || ends > Date.now() ? value : null;
    } catch {
      return null;
    }
  },
  save({ token, role, name, expires }) {
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ token, role, name, expires }));
    } catch {
      // Without storage the sign-in lasts as long as the page; that is still usable.
    }
  },
  clear() {
    try { sessionStorage.removeItem(KEY); } catch { /* nothing to clear */ }
  },
};
