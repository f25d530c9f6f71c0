// Wires the group-room, safety and consent parts of the chat page (protocol §8–10) to their
// views: menus on messages and people, the consent switch, facilitator tools and reports.
import { canModerate } from './state.js';
import { makeGroupActions } from './actions-group.js';
import { makeToolActions } from './actions-tools.js';
import { setMessageDecorator } from './views/messages.js';
import { messageMenuDecorator, initMessageMenus } from './views/message-menu.js';
import { initPanels } from './views/panels.js';
import { initPeople } from './views/people.js';
import { initConsent } from './views/consent.js';
import { initTools } from './views/tools.js';
import { currentRoom } from './views/chat.js';
import { agreementDialog } from './views/dialogs.js';

/** `agree(room)` comes from the handlers (it also clears the "please accept" notice). */
export function wireGroup(conn, on, agree) {
  const group = makeGroupActions(conn, on);
  const tools = makeToolActions(conn, group.tell);

  setMessageDecorator(messageMenuDecorator(canModerate));
  initMessageMenus(group.messageMenu);
  initPanels();
  initPeople({ onMenu: group.memberMenu });
  initConsent({ onChange: group.consent });
  initTools(currentRoom, tools);

  // The reports panel loads each time it opens (also from an alert), and when asked again.
  document.getElementById('panel-reports').addEventListener('open', tools.loadReports);
  document.getElementById('reports-refresh').addEventListener('click', tools.loadReports);

  document.getElementById('agree-again').addEventListener('click', async () => {
    const room = currentRoom();
    if (room?.agreement && await agreementDialog(room.title, room.agreement, { changed: true })) agree(room);
  });

  return { group, tools };
}
