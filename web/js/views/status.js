// The connection line in the header: silent when all is well, gentle when reconnecting.
import { STATUS } from '../words.js';
import { openRooms } from '../state.js';

export function showStatus(connectionState) {
  const el = document.getElementById('conn-status');
  el.dataset.state = connectionState;
  const inRoom = connectionState === 'reconnecting' && openRooms().length > 0;
  el.textContent = inRoom ? STATUS.reconnectingInRoom : STATUS[connectionState] ?? '';
}
