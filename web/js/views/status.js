// The connection line in the header: silent when all is well, gentle when reconnecting.
import { STATUS } from '../words.js';

export function showStatus(connectionState) {
  const el = document.getElementById('conn-status');
  el.dataset.state = connectionState;
  el.textContent = STATUS[connectionState] ?? '';
}
