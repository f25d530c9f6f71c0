// A tiny DOM builder. Text goes in only as text nodes (textContent / append(string)), never as
// markup, so nothing a peer writes can ever become HTML. Styles come from classes, never
// from style attributes, so the page keeps working under `default-src 'self'`.

/**
 * h('p', {class: 'x', dataset: {seq: 3}, onclick: fn}, 'text', childNode)
 * Props: `class`, `text`, `dataset`, `on<event>` listeners, anything else as an attribute
 * (true → empty attribute, false/null → omitted).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') for (const [k, v] of Object.entries(value)) el.dataset[k] = String(v);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'style' || key.startsWith('on')) throw new Error(`h(): refusing inline ${key}`);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Only links a peer can safely follow: web pages, phone numbers, mail and text messages. */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url, location.href);
    return ['https:', 'http:', 'tel:', 'mailto:', 'sms:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Show or hide an element and set its text in one step (for small notices). */
export function setNotice(el, text) {
  el.textContent = text || '';
  el.hidden = !text;
}
