// One reflection suggestion (protocol §7): its text, the words it is about, and its "why"
// behind a disclosure button, so it stays quiet until asked.
import { h } from '../render.js';

let nextId = 0;

/** The part of the text a suggestion is about; `span` counts UTF-16 code units, as JS strings do. */
export function quoted(text, span) {
  if (!Array.isArray(span) || typeof text !== 'string') return '';
  const [start, end] = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) return '';
  return text.slice(start, end);
}

/**
 * @param suggestion  { text, why, span, family, ... }
 * @param source      the text the suggestion is about (draft or sent message), for the quote
 * @param onDismiss   optional; adds a Dismiss button
 */
export function suggestionItem(suggestion, source, onDismiss) {
  const whyId = `why-${++nextId}`;
  const about = quoted(source, suggestion.span);
  const why = h('p', { class: 'why', id: whyId, hidden: true, text: suggestion.why || '' });
  const whyButton = suggestion.why && h('button', {
    type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': whyId, 'data-testid': 'suggestion-why',
    text: 'Why this?',
    onclick: () => {
      why.hidden = !why.hidden;
      whyButton.setAttribute('aria-expanded', String(!why.hidden));
    },
  });
  const dismiss = onDismiss && h('button', {
    type: 'button', class: 'link', 'data-testid': 'suggestion-dismiss', text: 'Dismiss',
    'aria-label': 'Dismiss this suggestion', onclick: onDismiss,
  });
  return h('li', { class: 'suggestion', 'data-testid': 'suggestion', dataset: { family: suggestion.family || '' } },
    about && h('p', { class: 'about', text: `About “${about}”` }),
    h('p', { text: suggestion.text || '' }),
    why,
    (whyButton || dismiss) && h('div', { class: 'actions' }, whyButton, dismiss));
}
