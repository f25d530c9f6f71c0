// The polite live region: screen readers hear new messages from others without losing their place.
const region = () => document.getElementById('announcer');
let clearTimer = null;

/** Say one short line to screen readers. Lines are trimmed so a long message isn't read twice. */
export function announce(text) {
  const el = region();
  if (!el || !text) return;
  const line = text.length > 240 ? `${text.slice(0, 240)}…` : text;
  el.append(Object.assign(document.createElement('p'), { textContent: line }));
  // Keep the region small; old lines have already been read.
  while (el.childElementCount > 5) el.firstElementChild.remove();
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => el.replaceChildren(), 20000);
}
