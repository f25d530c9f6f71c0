// A small actions menu behind a button (the WAI-ARIA menu button pattern), so every action on a
// message or a person is a Tab and an Enter away, never hover-only. Enter, Space or ArrowDown
// open it; arrows, Home and End move; Escape closes it and returns focus; Tab leaves it.
import { h } from '../render.js';

let current = null; // { button, menu }

/** The "⋯" button that opens a menu; `label` is what screen readers hear ("Options for River"). */
export function menuButton(label, dataset) {
  return h('button', {
    type: 'button', class: 'menu-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false',
    'aria-label': label, title: label, dataset, 'data-testid': 'menu-button', text: '⋯',
  });
}

/** Open menus from the buttons matching `selector` in `container`: on click, or ArrowDown as the pattern asks. */
export function delegateMenus(container, selector, onMenu) {
  container.addEventListener('click', (event) => {
    const button = event.target.closest(selector);
    if (button) onMenu(button);
  });
  container.addEventListener('keydown', (event) => {
    const button = event.key === 'ArrowDown' && event.target.closest(selector);
    if (button) {
      event.preventDefault();
      onMenu(button);
    }
  });
}

/** Close the open menu; focus goes back to its button unless focus already moved on. */
export function closeMenu(refocus = true) {
  if (!current) return;
  const { button, menu } = current;
  current = null;
  const hadFocus = menu.contains(document.activeElement);
  menu.remove();
  button.setAttribute('aria-expanded', 'false');
  if (refocus || hadFocus) button.focus();
}

function move(menu, step) {
  const items = [...menu.querySelectorAll('[role="menuitem"]')];
  const at = items.indexOf(document.activeElement);
  const next = step === 'first' ? 0 : step === 'last' ? items.length - 1 : (at + step + items.length) % items.length;
  items[next]?.focus();
}

/**
 * Open a menu under `button` with items [{ id, label, run, danger }]. Choosing an item closes
 * the menu and puts focus back on the button first, so a dialog the item opens returns there.
 */
export function openMenu(button, items) {
  if (current?.button === button) return closeMenu();
  closeMenu(false);
  const menu = h('ul', { class: 'menu', role: 'menu', 'aria-label': button.getAttribute('aria-label'), 'data-testid': 'actions-menu' },
    items.map((item) => h('li', { role: 'none' }, h('button', {
      type: 'button', role: 'menuitem', tabindex: '-1', class: item.danger ? 'danger' : null,
      'data-testid': `menu-${item.id}`, text: item.label,
      onclick: () => { closeMenu(); item.run(); },
    }))));
  menu.addEventListener('keydown', (event) => {
    const keys = { ArrowDown: 1, ArrowUp: -1, Home: 'first', End: 'last' };
    if (event.key in keys) {
      event.preventDefault();
      move(menu, keys[event.key]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeMenu();
    } else if (event.key === 'Tab') {
      closeMenu(false);
    }
  });
  button.after(menu);
  button.setAttribute('aria-expanded', 'true');
  current = { button, menu };
  move(menu, 'first');
}

// A click anywhere else closes the menu, as people expect.
document.addEventListener('click', (event) => {
  if (current && !current.menu.contains(event.target) && event.target !== current.button) closeMenu(false);
});
