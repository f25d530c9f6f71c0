// The facilitator's room tools and the room's reports (protocol §9–10, HTTP API reports).
// Changes go over the WebSocket; the reports list comes over HTTP with the staff sign-in.
import { state } from './state.js';
import { api } from './http.js';
import { staffToken } from './staff-token.js';
import { setNotice } from './render.js';
import { confirmDialog, inputDialog } from './views/dialogs.js';
import { reportItems, askOutcome } from './views/report-list.js';

const RESOLVE_WAIT_MS = 5000;
const $ = (id) => document.getElementById(id);

/** `tell(message)` from actions-group.js sends and routes the answer. */
export function makeToolActions(conn, tell) {
  const lock = (room, on) => tell({ type: on ? 'lock' : 'unlock', room: room.id });
  const unban = (room, peer) => tell({ type: 'unban', room: room.id, peer });

  async function slow(room) {
    const seconds = await inputDialog({
      title: 'Slow mode',
      body: 'Everyone can send one message every so many seconds. It can give a busy room time to breathe. 0 turns it off.',
      label: 'Seconds between messages', value: room.slowSent ?? 30, number: { min: 0, max: 3600 }, ok: 'Set slow mode',
    });
    if (seconds === null) return;
    room.slowSent = seconds;
    await tell({ type: 'slow', room: room.id, seconds });
  }

  async function announce(room) {
    const text = await inputDialog({
      title: 'Announce to the room',
      body: 'An announcement stands out from the conversation, for everyone here.',
      label: 'Your announcement', multiline: true, maxlength: state.limits.text, ok: 'Announce',
    });
    if (text !== null) await tell({ type: 'announce', room: room.id, text });
  }

  async function agreement(room) {
    const text = await inputDialog({
      title: 'Change the agreement',
      body: 'Everyone here will be asked to read and accept the new agreement before they write again.',
      label: 'The room agreement', value: room.agreement || '', multiline: true, maxlength: 4000,
      ok: 'Save and ask everyone',
    });
    if (text === null) return;
    room.settingAgreement = text;
    await tell({ type: 'set_agreement', room: room.id, agreement: text });
  }

  async function close(room) {
    const ok = await confirmDialog({
      title: 'Close this room?',
      body: 'Everyone will be told that the room has closed, and nobody can write here any more. It can’t be opened again.',
      ok: 'Close the room', cancel: 'Keep it open', danger: true,
    });
    if (ok) await tell({ type: 'close_room', room: room.id });
  }

  /** This room's reports, open ones first. */
  async function loadReports() {
    const room = state.rooms.get(state.current);
    const sign = staffToken.get();
    if (!room || !sign) return;
    setNotice($('reports-status'), 'Looking for reports…');
    try {
      const { reports = [] } = await api('/api/reports', { token: sign.token });
      const here = reports.filter((r) => r.room === room.id);
      $('reports-list').replaceChildren(...reportItems(here, { onResolve: resolve }));
      setNotice($('reports-status'), here.length ? '' : 'No reports in this room.');
    } catch (error) {
      setNotice($('reports-status'), error.status === 401
        ? 'Your staff sign-in has ended. Sign in again on the staff page to see reports.'
        : 'The reports couldn’t be loaded just now. Please try again.');
    }
  }

  async function resolveOverHTTP(report, outcome) {
    try {
      await api(`/api/reports/${encodeURIComponent(report.report)}/resolve`, { method: 'POST', token: staffToken.get()?.token, body: { outcome } });
      return true;
    } catch {
      return false;
    }
  }

  async function resolve(report) {
    const outcome = await askOutcome(report);
    if (outcome === null) return;
    try {
      await conn.request({ type: 'resolve_report', report: report.report, outcome }, RESOLVE_WAIT_MS);
    } catch (error) {
      // No answer usually means it went through; a refusal gets one more try over HTTP.
      if (error?.code !== 'timeout' && !await resolveOverHTTP(report, outcome)) {
        return setNotice($('reports-status'), 'That report couldn’t be resolved just now. Please try again.');
      }
    }
    await loadReports();
  }

  return { lock, unban, slow, announce, agreement, close, loadReports };
}
