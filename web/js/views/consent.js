// The "keep a copy" switch (protocol §8). It shows what the server last told us (our own entry
// in the member list), so it never claims more than is true. Turning it on first says plainly
// what that means and asks; turning it off needs no question.
import { h } from '../render.js';
import { keepPoints } from '../consent-words.js';
import { confirmDialog } from './dialogs.js';

const $ = (id) => document.getElementById(id);

/** The four points, written once into the "What keeping a copy means" panel. */
function fillKeepPoints() {
  $('keep-points').replaceChildren(...keepPoints().flatMap(([heading, text]) => [h('dt', { text: heading }), h('dd', { text })]));
}

/** `onChange(yes)` once the person has decided; the switch moves when the server confirms. */
export function initConsent({ onChange }) {
  fillKeepPoints();
  $('consent-switch').addEventListener('click', async () => {
    if ($('consent-switch').getAttribute('aria-checked') === 'true') return onChange(false);
    const yes = await confirmDialog({
      title: 'Keep a copy of this conversation?',
      body: 'Before you say yes, here is what it means. It stays off unless you choose it.',
      points: keepPoints(), ok: 'Yes, keep a copy', cancel: 'Not now',
    });
    if (yes) onChange(true);
  });
}

/** Show our current choice for `room` (from `joined` and `consent` events). */
export function showConsent(room, me) {
  const on = Boolean(room.members.get(me)?.consent);
  const sw = $('consent-switch');
  sw.setAttribute('aria-checked', String(on));
  sw.removeAttribute('aria-busy');
  $('consent-state').textContent = on ? 'On' : 'Off';
  $('consent-row').hidden = Boolean(room.closed);
}

/** Between asking and the server's answer: say so rather than pretend. */
export function consentPending() {
  $('consent-switch').setAttribute('aria-busy', 'true');
}

/** The panel's points again, after the server told us another retention period. */
export { fillKeepPoints as refreshKeepPoints };
