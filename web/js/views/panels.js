// The row of room panels under the chat heading (who is here, the agreement, keeping a copy,
// facilitator tools, reports). Disclosure buttons, one panel open at a time, so the messages
// keep their room even at 360 px.
const $ = (id) => document.getElementById(id);
const toggles = () => [...document.querySelectorAll('#room-bar [data-panel]')];

/** Open `id` (or close it if open); all others close. An opened panel gets an `open` event (to load what it shows). */
export function togglePanel(id, open = null) {
  for (const button of toggles()) {
    const panel = $(button.dataset.panel);
    const show = button.dataset.panel === id && (open ?? panel.hidden) && !button.hidden;
    panel.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
    if (show) panel.dispatchEvent(new Event('open'));
  }
}

/** Open a panel and move focus to its heading (for "Open reports" from an alert). */
export function showPanel(id) {
  togglePanel(id, true);
  const heading = $(id)?.querySelector('h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

/** Which panels this room has: `available` maps panel id → boolean. A hidden toggle closes its panel. */
export function setPanels(available) {
  for (const button of toggles()) {
    const on = available[button.dataset.panel] !== false;
    button.hidden = !on;
    if (!on) {
      $(button.dataset.panel).hidden = true;
      button.setAttribute('aria-expanded', 'false');
    }
  }
}

export function initPanels() {
  $('room-bar').addEventListener('click', (event) => {
    const button = event.target.closest('[data-panel]');
    if (button) togglePanel(button.dataset.panel);
  });
}
