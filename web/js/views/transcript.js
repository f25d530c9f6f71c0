// A saved conversation as text, for the worker's review and the participant's receipt page.
// Messages of people who didn't agree were never kept; they show as a plain gap, saying why.
import { h } from '../render.js';
import { localDateTime, localTime } from '../time.js';

/** A heading for a transcript that has no title (pair rooms). */
export function transcriptTitle(transcript) {
  return transcript.title || (transcript.kind === 'pair' ? 'A one-to-one conversation' : 'A group room');
}

/** Who was there, and whether their messages are in it. */
export function participantItems(participants = []) {
  return participants.map((p) => h('li', { 'data-testid': 'participant', dataset: { consented: Boolean(p.consented) } },
    h('strong', { text: p.name || 'Someone' }), ' · ',
    p.consented ? 'agreed to keep a copy: their messages are here' : 'did not agree: their messages were not kept'));
}

function line(message) {
  if (message.redacted) {
    return h('li', { class: 'msg redacted', 'data-testid': 'transcript-message', dataset: { seq: message.seq, redacted: true } },
      h('p', { class: 'msg-text', text: 'Not kept: this person did not agree.' }));
  }
  if (message.deleted) {
    return h('li', { class: 'msg deleted', 'data-testid': 'transcript-message', dataset: { seq: message.seq } },
      h('p', { class: 'msg-text', text: 'This message was removed.' }));
  }
  return h('li', { class: `msg${message.announcement ? ' announcement' : ''}`, 'data-testid': 'transcript-message', dataset: { seq: message.seq } },
    h('div', { class: 'msg-meta' },
      h('span', { class: 'msg-name', text: message.name || 'Someone' }),
      message.role === 'facilitator' && h('span', { text: 'facilitator' }),
      h('time', { datetime: message.at, title: localDateTime(message.at), text: localTime(message.at) })),
    h('p', { class: 'msg-text', 'data-testid': 'transcript-text', text: message.text || '' }));
}

/** The messages in seq order, each as text only. */
export function transcriptMessages(messages = []) {
  const sorted = [...messages].filter((m) => m && Number.isInteger(m.seq)).sort((a, b) => a.seq - b.seq);
  if (!sorted.length) return h('p', { class: 'hint', text: 'No messages were kept.' });
  return h('ol', { class: 'messages transcript', 'data-testid': 'transcript-messages', 'aria-label': 'Messages' }, sorted.map(line));
}

/** "Saved 23 Nov 2026, 12:00 · deleted for good on 23 Dec 2026, 12:00 · 14 messages" */
export function transcriptAbout(transcript) {
  const count = Array.isArray(transcript.messages) ? transcript.messages.length : transcript.messages;
  return [
    transcript.created && `Saved ${localDateTime(transcript.created)}`,
    transcript.expires && `deleted for good on ${localDateTime(transcript.expires)}`,
    Number.isInteger(count) && `${count} message${count === 1 ? '' : 's'}`,
  ].filter(Boolean).join(' · ');
}
