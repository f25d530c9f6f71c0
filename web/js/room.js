// One room as this client knows it: who is in it and which messages we hold, keyed by seq so
// a message seen twice (live and again in history) is kept once.
export class Room {
  constructor(id) {
    this.id = id;
    this.kind = 'group';
    this.title = '';
    this.topics = [];
    this.agreement = null;
    this.you = { role: 'member' };
    this.members = new Map();   // peer id → { peer, name, role, consent, state }
    this.messages = new Map();  // seq → message (or { seq, deleted: true })
    this.lastSeq = 0;           // every seq up to here is known (or predates our arrival)
    this.closed = null;         // reason once the room has ended for us
    this.syncing = false;       // a history catch-up is running
    this.buffer = [];           // live messages held back while syncing
    this.unread = 0;
    this.blocking = null;       // peer id while our block of them is on its way
    this.names = new Map();     // peer id → name, kept after they leave (for moderation lines)
    this.muted = new Map();     // peer id → ISO time their mute ends
    this.banned = new Map();    // peer id → name, so a facilitator can lift a ban
    this.locked = false;        // as far as we have seen (lock/unlock events)
  }

  /** Take the room state from a `joined` (first entry or a resume). */
  applyJoined(joined) {
    this.kind = joined.kind === 'pair' ? 'pair' : 'group';
    this.title = typeof joined.title === 'string' ? joined.title : '';
    this.topics = Array.isArray(joined.topics) ? joined.topics : [];
    this.agreement = typeof joined.agreement === 'string' ? joined.agreement : null;
    this.you = joined.you || { role: 'member' };
    this.members = new Map();
    for (const member of joined.members || []) this.setMember(member);
    this.closed = null;
  }

  /** Add or update someone in the room, remembering their name. */
  setMember(member) {
    const merged = { role: 'member', consent: false, state: 'here', ...this.members.get(member.peer), ...member };
    this.members.set(member.peer, merged);
    if (member.name) this.names.set(member.peer, member.name);
    return merged;
  }

  /** The name we know for a peer, even after they left; '' when we never saw them. */
  nameOf(peer) {
    return this.members.get(peer)?.name || this.names.get(peer) || '';
  }

  /** Highest seq the server says exists in this room. */
  get serverSeq() { return this.#serverSeq; }
  set serverSeq(seq) { if (Number.isInteger(seq)) this.#serverSeq = Math.max(this.#serverSeq, seq); }
  #serverSeq = 0;

  /** Keep a message once; returns false for a duplicate or an invalid seq. */
  add(message) {
    const seq = message.seq;
    if (!Number.isInteger(seq) || seq < 1 || this.messages.has(seq)) return false;
    this.messages.set(seq, message);
    this.serverSeq = seq;
    while (this.messages.has(this.lastSeq + 1)) this.lastSeq += 1;
    return true;
  }

  /** True when a message arrives with a seq past the next one we expect: something is missing. */
  hasGapBefore(seq) { return seq > this.lastSeq + 1; }

  /** After history has been fetched, whatever is still missing is gone for good; don't chase it. */
  settle() { this.lastSeq = Math.max(this.lastSeq, this.serverSeq); }

  /** The other person in a pair room (or undefined). */
  otherThan(me) {
    for (const member of this.members.values()) if (member.peer !== me) return member;
    return undefined;
  }

  /** Readable heading: "You and River" for a pair, the title for a group. */
  heading(me) {
    if (this.kind === 'pair') {
      // After they left, the name we remember still says whose conversation it was.
      const name = this.otherThan(me)?.name || [...this.names].find(([peer]) => peer !== me)?.[1];
      return name ? `You and ${name}` : 'Your conversation';
    }
    return this.title || 'Group room';
  }
}
