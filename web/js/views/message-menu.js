// The actions button on each message ("Report", and for facilitators "Remove"), reachable by
// Tab like everything else. Messages only get one when there is something to do.
import { h } from '../render.js';
import { menuButton, delegateMenus } from './menu.js';

/** For messages.js: the button for `message`, or null. `canModerate(room)` decides "Remove". */
export function messageMenuDecorator(canModerate) {
  return (room, message, mine) => {
    if (message.deleted || (mine && !canModerate(room))) return null;
    const whose = mine ? 'your message' : `${message.announcement ? 'the announcement' : `${message.name}’s message`}`;
    return h('span', { class: 'menu-holder' }, menuButton(`Options for ${whose}`, { menu: 'message', seq: message.seq }));
  };
}

/** `onMenu(button, roomId, seq)` when a message's actions button is used. */
export function initMessageMenus(onMenu) {
  delegateMenus(document.getElementById('message-lists'), '[data-menu="message"]',
    (button) => onMenu(button, button.closest('[data-room]')?.dataset.room, Number(button.dataset.seq)));
}
