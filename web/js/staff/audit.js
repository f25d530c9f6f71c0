// The audit log for admins (HTTP API): every sign-in, transcript read and change, newest
// first, and whether the chain of fingerprints that links the entries still checks out.
import { api } from '../http.js';
import { h, setNotice } from '../render.js';
import { localDateTime } from '../time.js';

const $ = (id) => document.getElementById(id);

export function initAudit(sign, onExpired) {
  async function load() {
    try {
      const { entries = [], verified } = await api('/api/audit', { token: sign.token });
      $('audit-verified').textContent = verified
        ? 'The chain of fingerprints checks out: no entry has been changed or removed.'
        : 'Warning: the chain of fingerprints does not check out. Entries may have been changed or removed.';
      $('audit-verified').dataset.verified = String(Boolean(verified));
      const newest = [...entries].sort((a, b) => String(b.at).localeCompare(String(a.at)));
      $('audit-rows').replaceChildren(...newest.map((entry) => h('tr', { 'data-testid': 'audit-entry' },
        h('td', { text: localDateTime(entry.at) }),
        h('td', { text: `${entry.actor || ''}${entry.role ? ` (${entry.role})` : ''}` }),
        h('td', { text: entry.action || '' }),
        h('td', { text: entry.target || '' }))));
      setNotice($('audit-status'), entries.length ? '' : 'Nothing recorded yet.');
    } catch (error) {
      if (error.status === 401) return onExpired();
      setNotice($('audit-status'), 'The audit log couldn’t be loaded just now. Please try again.');
    }
  }
  $('audit-refresh').addEventListener('click', load);
  return { load };
}
