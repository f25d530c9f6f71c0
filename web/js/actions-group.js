// What people do in group rooms and about safety (protocol §8–10), turned into protocol
// messages: reporting, consent, and the facilitator's moderation of people, messages and the
// room. Things that remove someone or something ask first.
import { state, canModerate } from './state.js';
import { errorText } from './words.js';
import { pendingReports } from './handlers-group.js';
import { openMenu } from './views/menu.js';
import { confirmDialog, inputDialog } from './views/dialogs.js';
import { showComposerError } from './views/composer.js';
import { consentPending } from './views/consent.js';
import { toolsStatus } from './views/tools.js';

const ANSWER_WAIT_MS = 6000;

export function makeGroupActions(conn, on) {
  const problem = (text) => (document.getElementById('panel-tools').hidden ? showComposerError(text) : toolsStatus(text));

  /**
   * Send and let the answer through the handler table. Everyone (us included) hears about a
   * moderation step as an event, so a missing direct answer is not a failure.
   */
  async function tell(message) {
    try {
      const reply = await conn.request(message, ANSWER_WAIT_MS);
      on[reply.type]?.(reply);
      return reply;
    } catch (error) {
      if (error?.code !== 'timeout') problem(errorText(error));
      return null;
    }
  }

  async function report(room, message) {
    const where = room.kind === 'group' ? 'the room’s facilitators and the team who look after this service' : 'the team who look after this service';
    const reason = await inputDialog({
      title: 'Report this message',
      body: `Your report goes to ${where}, together with this one message.`,
      label: 'What worries you about it?', ok: 'Send the report', multiline: true, maxlength: 500,
    });
    if (reason === null) return;
    const ref = conn.ref('r');
    pendingReports.set(ref, room.id);
    await tell({ type: 'report', room: room.id, seq: message.seq, reason, ref });
  }

  async function removeMessage(room, message) {
    const ok = await confirmDialog({
      title: 'Remove this message?',
      body: 'Everyone will see “This message was removed” in its place. It can’t be brought back.',
      ok: 'Remove it', cancel: 'Keep it', danger: true,
    });
    if (ok) await tell({ type: 'delete', room: room.id, seq: message.seq });
  }

  function messageMenu(button, roomId, seq) {
    const room = state.rooms.get(roomId);
    const message = room?.messages.get(seq);
    if (!room || !message || message.deleted || room.closed) return;
    const items = [];
    if (message.from !== state.me?.peer) items.push({ id: 'report', label: 'Report this message…', run: () => report(room, message) });
    if (canModerate(room)) items.push({ id: 'delete', label: 'Remove this message…', danger: true, run: () => removeMessage(room, message) });
    if (items.length) openMenu(button, items);
  }

  async function mute(room, member) {
    const minutes = await inputDialog({
      title: `Mute ${member.name}?`,
      body: `${member.name} can still read along but can’t send messages for a while. Everyone here will see that they were muted.`,
      label: 'For how many minutes?', value: 10, number: { min: 1, max: 1440 }, ok: 'Mute',
    });
    if (minutes !== null) await tell({ type: 'mute', room: room.id, peer: member.peer, minutes });
  }

  async function removeOrBan(room, member, ban) {
    const ok = await confirmDialog(ban ? {
      title: `Ban ${member.name} from this room?`,
      body: `${member.name} will have to leave, and can’t come back to this room until you let them.`,
      ok: 'Ban', danger: true,
    } : {
      title: `Ask ${member.name} to leave?`,
      body: `${member.name} will be removed from this room. They can join again later unless you also ban them.`,
      ok: 'Remove', danger: true,
    });
    if (ok) await tell({ type: ban ? 'ban' : 'remove', room: room.id, peer: member.peer });
  }

  function memberMenu(button, peer) {
    const room = state.rooms.get(state.current);
    const member = room?.members.get(peer);
    if (!member || !canModerate(room)) return;
    openMenu(button, [
      room.muted.has(peer)
        ? { id: 'unmute', label: 'Unmute', run: () => tell({ type: 'unmute', room: room.id, peer }) }
        : { id: 'mute', label: 'Mute…', run: () => mute(room, member) },
      { id: 'remove', label: 'Remove from the room…', danger: true, run: () => removeOrBan(room, member, false) },
      { id: 'ban', label: 'Ban from the room…', danger: true, run: () => removeOrBan(room, member, true) },
    ]);
  }

  function consent(yes) {
    const room = state.rooms.get(state.current);
    if (!room || room.closed) return;
    consentPending();
    tell({ type: 'consent', room: room.id, transcript: yes });
  }

  return { messageMenu, memberMenu, consent, tell };
}
