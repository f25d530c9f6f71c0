// Which of the three views is showing, and where keyboard focus lands when it changes:
// on the new view's heading, so screen readers announce where they are.
import { state } from '../state.js';

const VIEWS = ['landing', 'waiting', 'chat'];

/** Show one view; focus `focusEl` if given, else the view's heading. */
export function showView(name, focusEl = null) {
  const changed = state.view !== name;
  state.view = name;
  for (const view of VIEWS) document.getElementById(`view-${view}`).hidden = view !== name;
  document.body.dataset.view = name;
  if (changed || focusEl) {
    const target = focusEl || document.querySelector(`#view-${name} [data-focus]`);
    target?.focus();
  }
}
