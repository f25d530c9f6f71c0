// The waiting view: where we are in line, and a way to stop looking.
const positionEl = () => document.getElementById('queue-position');

export function initWaiting({ onCancel }) {
  document.getElementById('cancel-match').addEventListener('click', onCancel);
}

/** Show the queue position from `queued` (1 = next). */
export function setPosition(position) {
  const el = positionEl();
  el.dataset.position = String(position ?? '');
  if (!Number.isInteger(position) || position < 1) el.textContent = 'Looking for someone now.';
  else if (position === 1) el.textContent = 'You’re next in line.';
  else el.textContent = `You’re number ${position} in line.`;
}
