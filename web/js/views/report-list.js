// Reports as staff see them (the HTTP API's report shape), for the staff page and the
// facilitator's reports panel in a room. Every piece of text goes in as text.
import { h } from '../render.js';
import { localDateTime } from '../time.js';
import { inputDialog } from './dialogs.js';

function messagePart(report) {
  const message = report.message;
  if (!message) return h('p', { class: 'hint', text: 'The message itself is no longer available.' });
  return h('blockquote', { class: 'quoted', 'data-testid': 'report-message' },
    h('p', { class: 'hint', text: `${message.name || 'Someone'} wrote, at ${localDateTime(message.at)}:` }),
    h('p', { class: 'quoted-text', text: message.text || '' }));
}

function statusPart(report) {
  if (report.status !== 'resolved') return h('p', { class: 'report-status open', 'data-testid': 'report-status', text: 'Open: nobody has looked at this yet.' });
  const who = report.resolvedBy ? ` by ${report.resolvedBy}` : '';
  const when = report.resolvedAt ? `, ${localDateTime(report.resolvedAt)}` : '';
  return h('p', { class: 'report-status', 'data-testid': 'report-status', text: `Resolved${who}${when}: ${report.outcome || ''}` });
}

/**
 * @param reports     the `reports` array
 * @param onResolve   (report) => void, or null when this person can't resolve
 * @param showRoom    say which room each report is from (the staff page; not inside a room)
 */
export function reportItems(reports, { onResolve = null, showRoom = false } = {}) {
  const sorted = [...reports].sort((a, b) => (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1)
    || String(b.created).localeCompare(String(a.created)));
  return sorted.map((report) => h('li', {
    class: `report ${report.status === 'open' ? 'open' : 'resolved'}`, 'data-testid': 'report', dataset: { report: report.report, status: report.status },
  },
  h('p', { class: 'report-head' },
    h('strong', { text: `Reported by ${report.reporter?.name || 'someone'}` }),
    ` · ${localDateTime(report.created)}${showRoom && report.room ? ` · room ${report.room}` : ''}`),
  h('p', { 'data-testid': 'report-reason', text: `Their reason: “${report.reason || 'no reason given'}”` }),
  messagePart(report),
  statusPart(report),
  report.status === 'open' && onResolve && h('div', { class: 'actions' }, h('button', {
    type: 'button', class: 'secondary', 'data-testid': 'report-resolve', text: 'Resolve…',
    'aria-label': `Resolve the report from ${report.reporter?.name || 'someone'}`, onclick: () => onResolve(report),
  }))));
}

/** Ask for the outcome of a report; resolves the text, or null when cancelled. */
export function askOutcome(report) {
  return inputDialog({
    title: 'Resolve this report',
    body: `${report.reporter?.name || 'The person who reported it'} will see what you write here.`,
    label: 'What happened, in a sentence or two', multiline: true, maxlength: 1000, ok: 'Resolve',
  });
}
