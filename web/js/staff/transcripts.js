// Saved conversations for workers (HTTP API): the list, and one transcript at a time, saying
// whose consent covers which messages. Every read is recorded and shown to the participants,
// and the page says so before and after opening one.
import { api } from '../http.js';
import { h, setNotice } from '../render.js';
import { localTime } from '../time.js';
import { transcriptTitle, participantItems, transcriptMessages, transcriptAbout } from '../views/transcript.js';

const $ = (id) => document.getElementById(id);


export function initTranscripts(sign, onExpired) {
  async function load() {
    setNotice($('transcripts-status'), 'Looking for saved conversations…');
    try {
      const { transcripts = [] } = await api('/api/transcripts', { token: sign.token });
      $('transcript-list').replaceChildren(...transcripts.map((t) => h('li', { class: 'report', 'data-testid': 'transcript-item', dataset: { transcript: t.transcript } },
        h('p', { class: 'report-head' }, h('strong', { text: transcriptTitle(t) })),
        h('p', { class: 'hint', text: transcriptAbout(t) }),
        // Who took part is shown only on reading, so that seeing names is recorded too.
        h('div', { class: 'actions' }, h('button', {
          type: 'button', class: 'secondary', 'data-testid': 'transcript-read', text: 'Read (this is recorded)',
          'aria-label': `Read ${transcriptTitle(t)}; your reading is recorded`, onclick: () => read(t.transcript),
        })))));
      setNotice($('transcripts-status'), transcripts.length ? '' : 'No saved conversations right now.');
    } catch (error) {
      if (error.status === 401) return onExpired();
      setNotice($('transcripts-status'), 'The saved conversations couldn’t be loaded just now. Please try again.');
    }
  }

  async function read(id) {
    let t;
    try {
      t = await api(`/api/transcripts/${encodeURIComponent(id)}`, { token: sign.token });
    } catch (error) {
      if (error.status === 401) return onExpired();
      $('transcript-view').hidden = true;
      await load();
      return setNotice($('transcripts-status'), error.status === 404
        ? 'That conversation is no longer available. Someone in it may have taken it back, or its time ran out.'
        : 'That conversation couldn’t be opened just now. Please try again.');
    }
    $('transcript-title').textContent = transcriptTitle(t);
    $('transcript-recorded').textContent = `Your reading was recorded at ${localTime(new Date().toISOString())}. The people in this conversation can see that you read it.`;
    $('transcript-about').textContent = transcriptAbout(t);
    $('transcript-people').replaceChildren(...participantItems(t.participants));
    $('transcript-messages').replaceChildren(transcriptMessages(t.messages));
    $('transcript-view').hidden = false;
    $('transcript-view').dataset.transcript = t.transcript || id;
    $('transcript-view').focus();
  }

  $('transcripts-refresh').addEventListener('click', load);
  $('transcript-close').addEventListener('click', () => {
    $('transcript-view').hidden = true;
    $('transcript-list').querySelector('button')?.focus();
  });
  return { load };
}
