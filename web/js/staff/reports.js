// The reports list on the staff page (HTTP API): every room's reports, open ones first;
// facilitators and admins resolve them, and the reporter sees the outcome.
import { api } from '../http.js';
import { setNotice } from '../render.js';
import { reportItems, askOutcome } from '../views/report-list.js';

const $ = (id) => document.getElementById(id);

/** `sign` is the staff sign-in; `onExpired()` when the server no longer takes it. */
export function initReports(sign, onExpired) {
  const canResolve = ['facilitator', 'admin'].includes(sign.role);

  async function load() {
    setNotice($('reports-status'), 'Looking for reports…');
    try {
      const { reports = [] } = await api('/api/reports', { token: sign.token });
      $('reports-list').replaceChildren(...reportItems(reports, { onResolve: canResolve ? resolve : null, showRoom: true }));
      const open = reports.filter((r) => r.status === 'open').length;
      setNotice($('reports-status'), reports.length ? `${open} open, ${reports.length - open} resolved.` : 'No reports. That’s good news.');
    } catch (error) {
      if (error.status === 401) return onExpired();
      setNotice($('reports-status'), 'The reports couldn’t be loaded just now. Please try again.');
    }
  }

  async function resolve(report) {
    const outcome = await askOutcome(report);
    if (outcome === null) return;
    try {
      await api(`/api/reports/${encodeURIComponent(report.report)}/resolve`, { method: 'POST', token: sign.token, body: { outcome } });
    } catch (error) {
      if (error.status === 401) return onExpired();
      return setNotice($('reports-status'), 'That report couldn’t be resolved just now. Please try again.');
    }
    await load();
  }

  $('reports-refresh').addEventListener('click', load);
  return { load };
}
