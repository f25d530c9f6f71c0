// Cards in the conversation that aren't messages: private reflections after sending, room
// prompts, support resources and facilitator alerts. Each says plainly who can see it and
// that it is automatic.
import { h, safeHref } from '../render.js';
import { suggestionItem } from './suggestion.js';

function card(kind, label, ...body) {
  const el = h('li', { class: `card ${kind}`, 'data-testid': `${kind}-card` },
    h('p', { class: 'card-label', text: label }), ...body);
  return el;
}

function dismissButton(el, label = 'Dismiss') {
  return h('button', {
    type: 'button', class: 'link', text: label, 'data-testid': 'card-dismiss',
    onclick: () => {
      const composer = document.getElementById('composer-input');
      el.remove();
      if (!composer.disabled) composer.focus();
    },
  });
}

/** After a `say`: suggestions about the message just sent, for its author only. */
export function reflectionCard(suggestions, sentText) {
  const list = h('ul', { class: 'suggestion-list' });
  const el = card('reflection', 'Only you can see this · automatic suggestion', list);
  list.append(...suggestions.map((s) => suggestionItem(s, sentText)));
  el.append(h('div', { class: 'actions' }, dismissButton(el)));
  return el;
}

/** A room prompt: to everyone, or (`private`) a nudge meant for this person alone. */
export function promptCard(prompt, { onTurnOff } = {}) {
  const label = prompt.private ? 'Only for you · automatic prompt' : 'For everyone here · automatic prompt';
  const el = card('prompt', label, h('p', { text: prompt.text || '' }));
  const actions = h('div', { class: 'actions' });
  if (prompt.private) actions.append(dismissButton(el));
  // Never nag: anyone can ask the server to stop offering them prompts in this room.
  if (onTurnOff) {
    actions.append(h('button', {
      type: 'button', class: 'secondary', text: 'No more prompts for me here', 'data-testid': 'prompts-off',
      onclick: (event) => { onTurnOff(); event.currentTarget.disabled = true; event.currentTarget.textContent = 'Prompts are off for you here'; },
    }));
  }
  if (actions.childElementCount) el.append(actions);
  return el;
}

function resourceItem(resource) {
  const href = safeHref(resource.url);
  const name = href
    ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', text: resource.name || resource.url })
    : h('strong', { text: resource.name || '' });
  return h('li', { 'data-testid': 'support-resource' }, name, resource.contact ? ` · ${resource.contact}` : '');
}

/**
 * Support after crisis words: the resources as a choice, beside words that keep the
 * conversation open. It is not a brush-off; staying and talking is the first option.
 */
export function supportCard(support) {
  const resources = Array.isArray(support.resources) ? support.resources : [];
  const stay = h('button', {
    type: 'button', class: 'secondary', text: 'Keep talking here', 'data-testid': 'support-stay',
    onclick: () => document.getElementById('composer-input').focus(),
  });
  const el = card('support', 'Only you can see this · automatic',
    support.text && h('p', { text: support.text }),
    h('p', { text: 'You don’t have to go anywhere. You’re welcome to keep talking here. If you’d like more support as well, these are open to you:' }),
    resources.length ? h('ul', { class: 'resources' }, resources.map(resourceItem)) : null,
    h('div', { class: 'actions' }, stay));
  el.querySelector('.actions').append(dismissButton(el, 'Hide this'));
  return el;
}

/** Facilitators: an automatic notice about a message (crisis words or a report). */
export function alertCard(alert, onShow, onReports = null) {
  const report = alert.kind === 'report';
  const text = report
    ? 'Someone reported a message. It is kept for staff to review, and you can resolve it from the reports.'
    : 'The words in a message here may mean someone is having a very hard time. You might check in with them.';
  const show = Number.isInteger(alert.seq) && h('button', {
    type: 'button', class: 'link', text: 'Show the message', onclick: () => onShow(alert.seq),
  });
  const open = report && onReports && h('button', {
    type: 'button', class: 'link', text: 'Open the reports', 'data-testid': 'alert-open-reports', onclick: onReports,
  });
  const el = card('alert', 'For facilitators · automatic notice', h('p', { text }));
  el.dataset.kind = alert.kind || '';
  el.append(h('div', { class: 'actions' }, show, open, dismissButton(el)));
  return el;
}

/** The answer to a report we made, from whoever resolved it. */
export function outcomeCard(text) {
  const el = card('outcome', 'For you · about your report', h('p', { 'data-testid': 'outcome-text', text }));
  el.append(h('div', { class: 'actions' }, dismissButton(el)));
  return el;
}
