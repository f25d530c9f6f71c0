// The message box: Enter sends, Shift+Enter breaks the line; while writing it tells the
// others "typing" at most every 2 s (the server drops anything faster) and asks for a draft
// check ~400 ms after the last key. A key pressed inside the 2 s window is not lost: one
// trailing "typing" goes out when the window ends, if the person is still writing.
import { setNotice } from '../render.js';
import { resetDraftSuggestions } from './draft.js';

// A little over the server's 2 s, so clock and network jitter never make it drop ours.
const TYPING_EVERY_MS = 2250;
const DRAFT_DEBOUNCE_MS = 400;

const $ = (id) => document.getElementById(id);
let limit = 4000;

/**
 * @param onSend   (text) => boolean   true when the message went out (the box is then cleared)
 * @param onTyping ()                  throttled here
 * @param onDraft  (text)              debounced here; '' means the draft is empty
 */
export function initComposer({ onSend, onTyping, onDraft }) {
  const input = $('composer-input');
  let lastTyping = 0;
  let draftTimer = null;
  let trailingTyping = null;

  const sendTyping = () => {
    trailingTyping = null;
    if (!input.value.trim()) return;
    lastTyping = Date.now();
    onTyping();
  };

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('composer').requestSubmit();
    }
  });

  input.addEventListener('input', () => {
    setNotice($('composer-error'), '');
    const text = input.value.trim();
    const now = Date.now();
    if (text && now - lastTyping >= TYPING_EVERY_MS) {
      sendTyping();
    } else if (text && !trailingTyping) {
      trailingTyping = setTimeout(sendTyping, lastTyping + TYPING_EVERY_MS - now);
    }
    clearTimeout(draftTimer);
    if (!text) return resetDraftSuggestions();
    draftTimer = setTimeout(() => onDraft(input.value), DRAFT_DEBOUNCE_MS);
  });

  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    if ([...text].length > limit) return showComposerError(`That message is longer than we can send (${limit} characters). Could you split it into parts?`);
    if (!onSend(text)) return;
    clearTimeout(draftTimer);
    clearTimeout(trailingTyping);
    trailingTyping = null;
    input.value = '';
    resetDraftSuggestions();
  });
}

/** The server's text limit from `welcome`. */
export function setTextLimit(n) {
  if (Number.isInteger(n) && n > 0) limit = n;
}

/** The draft the server's draft check should still apply to. */
export function currentDraft() {
  return $('composer-input').value;
}

export function showComposerError(text) {
  setNotice($('composer-error'), text);
}

/** Put back a message that didn't go out, unless the person already wrote something new. */
export function restoreDraft(text) {
  const input = $('composer-input');
  if (!input.value.trim()) input.value = text;
}

export function setComposerEnabled(enabled) {
  $('composer').hidden = !enabled;
  if (!enabled) resetDraftSuggestions();
}
