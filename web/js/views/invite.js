// A shared room link (`/?room=g_…`, made by a facilitator): the landing page offers to join that
// room, with its own name field, above the one-to-one form. The join flow itself (agreement
// first) is the same as from the room list.
const ROOM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const $ = (id) => document.getElementById(id);

/** The room id from the address, or null when there is none (or it isn't a room id). */
export function invitedRoom(search = location.search) {
  const room = new URLSearchParams(search).get('room');
  return room && ROOM_ID.test(room) ? room : null;
}

/** Show the invitation; `onJoin(name)` with the name typed (validated by `readName`). */
export function initInvite({ room, readName, onJoin }) {
  if (!room) return;
  $('invite').hidden = false;
  $('invite-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = readName('invite-name', 'invite-name-error');
    if (name) onJoin(name);
  });
}

export function setInviteName(name) {
  if (name && !$('invite-name').value) $('invite-name').value = name;
}
