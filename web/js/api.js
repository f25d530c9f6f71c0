// The one WebSocket to the server: hello (with resume), refs for request/answer pairs, and
// reconnecting by itself after a drop. It knows the envelope (protocol §2–3), not the chat.
import { reconnectDelay } from './backoff.js';

/** Errors on hello that retrying won't fix; everything else (drops, server_busy) is retried. */
const FATAL_HELLO = new Set(['name_invalid', 'unauthorized', 'banned', 'bad_request']);
const REQUEST_TIMEOUT_MS = 15000;

export function socketURL(loc = location) {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

/**
 * Events (all CustomEvent, data in `detail`):
 *  status  'connecting' | 'online' | 'reconnecting' | 'stopped'
 *  welcome the welcome object (after every successful hello, resumed or not)
 *  message every server message that isn't the answer to a pending request()
 *  fatal   the error that ended the session (e.g. name_invalid); no more retries
 */
export class Connection extends EventTarget {
  #url;
  #hello;          // () => hello fields; called on every (re)connect so the resume token is fresh
  #ws = null;
  #ready = false;
  #attempt = 0;
  #timer = null;
  #stopped = true;
  #nextRef = 0;
  #pending = new Map();

  constructor(url, hello) {
    super();
    this.#url = url;
    this.#hello = hello;
    // A lost network rarely closes a socket promptly; treat "offline" as a drop, and
    // "online" as the moment to try again instead of waiting out the backoff.
    addEventListener('offline', () => { if (this.#ws) this.#drop(); });
    addEventListener('online', () => { if (this.#timer) this.#connectNow(); });
  }

  get ready() { return this.#ready; }

  /** Open the connection (idempotent); keeps reconnecting until stop(). */
  start() {
    this.#stopped = false;
    if (!this.#ws && !this.#timer) this.#open();
  }

  /** Close on purpose: no reconnect. */
  stop() {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#drop();
    this.#status('stopped');
  }

  /** Fresh ref for a client message. */
  ref(prefix = 'c') { return `${prefix}${++this.#nextRef}`; }

  /** Send a message now if the session is ready; returns false if it could not be sent. */
  send(message) {
    if (!this.#ready || this.#ws?.readyState !== WebSocket.OPEN) return false;
    this.#ws.send(JSON.stringify(message));
    return true;
  }

  /** Send with a ref and resolve with the direct answer (reject with the `error` object). */
  request(message, timeoutMs = REQUEST_TIMEOUT_MS) {
    const ref = message.ref || this.ref('q');
    return new Promise((resolve, reject) => {
      if (!this.send({ ...message, ref })) return reject({ code: 'offline' });
      const timer = setTimeout(() => {
        this.#pending.delete(ref);
        reject({ code: 'timeout' });
      }, timeoutMs);
      this.#pending.set(ref, { resolve, reject, timer });
    });
  }

  /** Test and debug aid: behave exactly as if the network dropped. */
  simulateDrop() { this.#drop(); }

  #open() {
    this.#timer = null;
    this.#status(this.#attempt === 0 ? 'connecting' : 'reconnecting');
    let ws;
    try {
      ws = new WebSocket(this.#url, 'withness.v1');
    } catch {
      return this.#closed();
    }
    this.#ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', ref: 'hello', ...this.#hello() }));
    ws.onmessage = (event) => this.#receive(event.data);
    ws.onclose = () => { if (this.#ws === ws) this.#closed(); };
  }

  #receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return; // Not ours to crash over; the server only sends JSON.
    }
    if (!message || typeof message.type !== 'string') return;
    if (message.type === 'welcome') {
      this.#ready = true;
      this.#attempt = 0;
      this.#status('online');
      return this.#emit('welcome', message);
    }
    if (message.type === 'error' && message.ref === 'hello') {
      if (FATAL_HELLO.has(message.code)) {
        this.#stopped = true;
        this.#emit('fatal', message);
        return this.#drop();
      }
    }
    const waiting = message.ref != null && this.#pending.get(message.ref);
    if (waiting) {
      this.#pending.delete(message.ref);
      clearTimeout(waiting.timer);
      return message.type === 'error' ? waiting.reject(message) : waiting.resolve(message);
    }
    this.#emit('message', message);
  }

  /** Forget the current socket at once (its close event may come late or never). */
  #drop() {
    const ws = this.#ws;
    if (!ws) return;
    this.#ws = null;
    ws.onopen = ws.onmessage = ws.onclose = null;
    try { ws.close(); } catch { /* already closing */ }
    this.#closed();
  }

  #closed() {
    this.#ws = null;
    this.#ready = false;
    for (const [, waiting] of this.#pending) {
      clearTimeout(waiting.timer);
      waiting.reject({ code: 'offline' });
    }
    this.#pending.clear();
    if (this.#stopped) return this.#status('stopped');
    const delay = reconnectDelay(this.#attempt);
    this.#attempt += 1;
    this.#status('reconnecting');
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#open(), delay);
  }

  #connectNow() {
    clearTimeout(this.#timer);
    this.#open();
  }

  #status(state) { this.#emit('status', state); }
  #emit(type, detail) { this.dispatchEvent(new CustomEvent(type, { detail })); }
}
