// Server messages about keeping a copy (protocol §8): someone's consent changed, and a saved
// conversation's receipt. They join the table in handlers.js.
import { state } from './state.js';
import { consentLine } from './consent-words.js';
import { addLine } from './views/messages.js';
import { refreshChat } from './views/chat.js';
import { showReceipt } from './views/receipts.js';

export function makeConsentHandlers() {
  return {
    consent(m) {
      const room = state.rooms.get(m.room);
      if (!room || !room.members.has(m.peer)) return;
      const consent = m.transcript === true;
      const before = Boolean(room.members.get(m.peer).consent);
      room.setMember({ peer: m.peer, consent });
      const isMe = m.peer === state.me?.peer;
      if (before !== consent || isMe) addLine(room, consentLine(room.nameOf(m.peer), consent, isMe), 'consent');
      if (room.id === state.current) refreshChat();
    },

    transcript(m) {
      if (typeof m.receipt !== 'string' || !m.receipt) return;
      const room = state.rooms.get(m.room);
      showReceipt({
        heading: room ? room.heading(state.me?.peer) : 'your conversation',
        receipt: m.receipt, transcript: m.transcript, messages: m.messages,
      });
    },
  };
}
