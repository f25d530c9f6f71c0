// Who is in the room, each with their role, whether they are here, and whether they agreed to
// keep a copy (protocol §5, §8). Facilitators get an actions button per person.
import { h } from '../render.js';
import { consentWords } from '../consent-words.js';
import { localTime } from '../time.js';
import { menuButton, delegateMenus } from './menu.js';

const $ = (id) => document.getElementById(id);

function describe(member, room) {
  const bits = [];
  if (member.role === 'facilitator') bits.push('facilitator');
  if (member.state === 'away') bits.push('away for a moment');
  bits.push(consentWords(Boolean(member.consent)));
  const until = room.muted.get(member.peer);
  if (until) bits.push(`messages paused until ${localTime(until)}`);
  return bits.join(' · ');
}

/** Redraw the list; `moderate` adds the per-person actions button for everyone but ourselves. */
export function renderPeople(room, me, moderate) {
  const order = (m) => (m.peer === me ? 0 : m.role === 'facilitator' ? 1 : 2); // you, facilitators, everyone else
  const members = [...room.members.values()].sort((a, b) => order(a) - order(b));
  $('people-list').replaceChildren(...members.map((member) => {
    const name = member.peer === me ? `${member.name} (you)` : member.name;
    return h('li', { class: 'person', 'data-testid': 'person', dataset: { peer: member.peer, consent: Boolean(member.consent) } },
      h('div', {},
        h('span', { class: 'person-name', 'data-testid': 'person-name', text: name }),
        h('span', { class: 'hint person-about', 'data-testid': 'person-about', text: ` ${describe(member, room)}` })),
      moderate && member.peer !== me
        ? h('span', { class: 'menu-holder' }, menuButton(`Options for ${member.name}`, { menu: 'member', peer: member.peer }))
        : null);
  }));
  const toggle = $('people-toggle');
  toggle.textContent = `People (${room.members.size})`;
}

/** `onMenu(button, peerId)` when a person's actions button is used. */
export function initPeople({ onMenu }) {
  delegateMenus($('people-list'), '[data-menu="member"]', (button) => onMenu(button, button.dataset.peer));
}
