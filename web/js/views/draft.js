// Suggestions for the message being written, shown quietly below the box. Each can be
// dismissed; a dismissed one stays away until the message is sent.
import { suggestionItem } from './suggestion.js';
import { announce } from '../announce.js';

const dismissed = new Set(); // family (or rule) keys dismissed for the current draft
let told = false;            // screen readers hear once per draft that suggestions exist

const key = (s) => s.family || s.rule || s.text;

/** Show the answer to a draft check for `text`. */
export function showDraftSuggestions(suggestions, text) {
  const section = document.getElementById('draft-suggestions');
  const list = document.getElementById('draft-list');
  const shown = (Array.isArray(suggestions) ? suggestions : []).filter((s) => s && !dismissed.has(key(s)));
  list.replaceChildren(...shown.map((s) => {
    const item = suggestionItem(s, text, () => {
      dismissed.add(key(s));
      item.remove();
      if (!list.childElementCount) section.hidden = true;
      document.getElementById('composer-input').focus();
    });
    return item;
  }));
  section.hidden = shown.length === 0;
  if (shown.length && !told) {
    told = true;
    announce('There’s a suggestion for your message, below the message box.');
  }
}

/** After sending (or clearing) the draft: start fresh. */
export function resetDraftSuggestions() {
  dismissed.clear();
  told = false;
  document.getElementById('draft-list').replaceChildren();
  document.getElementById('draft-suggestions').hidden = true;
}
