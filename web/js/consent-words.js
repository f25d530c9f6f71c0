// What keeping a copy of a conversation means (protocol §8), said in one place so the switch,
// its confirmation, the receipt and the receipt page all say the same thing.

/** Days a saved conversation is kept: the protocol's default unless the server tells us another. */
let retentionDays = 30;

/** A server may say how long it keeps copies; anything odd keeps the default. */
export function setRetentionDays(days) {
  if (Number.isInteger(days) && days > 0 && days <= 3650) retentionDays = days;
}

export function retentionText() {
  return `${retentionDays} day${retentionDays === 1 ? '' : 's'}`;
}

/** The four things to know before saying yes: what, how long, who reads it, how to take it back. */
export function keepPoints() {
  return [
    ['What is kept', 'The messages of this conversation. In a one-to-one conversation, a copy is kept only if you both say yes. In a group room, only the messages of people who said yes are kept; everyone else’s are left out.'],
    ['For how long', `${retentionText()}. Then it is deleted for good.`],
    ['Who may read it', 'Workers of this service, nobody else. Every time one of them reads it, that is recorded, and you can see who read it and when.'],
    ['How to take it back', 'When the conversation ends, you get a receipt link. With it you can read the copy, see who read it, and take it back at any time. Until then, you can switch this off here.'],
  ];
}

/** The member list's words for someone's choice. */
export function consentWords(consent) {
  return consent ? 'agreed to keep a copy' : 'hasn’t agreed to keep a copy';
}

/** A quiet line in the conversation when someone changes their mind. */
export function consentLine(name, consent, isMe) {
  if (isMe) {
    return consent
      ? 'You agreed to keep a copy of this conversation. You can switch it off any time.'
      : 'You switched off keeping a copy. Nothing you write will be kept unless you switch it on again.';
  }
  return consent ? `${name} agreed to keep a copy of this conversation.` : `${name} switched off keeping a copy.`;
}
