// Reconnect delays: exponential, capped, with jitter so many clients dropped at once by the
// same network blip don't all knock on the server at the same instant.
export const BACKOFF = { baseMs: 500, capMs: 15000 };

/** Delay before reconnect attempt `attempt` (0-based): between half and all of min(cap, base·2ⁿ). */
export function reconnectDelay(attempt, random = Math.random, { baseMs, capMs } = BACKOFF) {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
