/**
 * Who should hear about a comment. Pure, so the notification rules are tested without a database:
 * the comments service gathers the facts and these functions decide.
 */

/** `mentioned`: named with `@` in the comment; `thread_reply`: took part in a thread that got a reply. */
export type CommentRecipientKind = 'mentioned' | 'thread_reply';

export interface CommentRecipient {
  userId: string;
  kind: CommentRecipientKind;
}

export interface CommentRecipientFacts {
  /** Who wrote (or edited) the comment: never told about their own words. */
  actorId: string;
  /** Members mentioned by this comment and not already mentioned by it before (for an edit). */
  mentionedIds: readonly string[];
  /** For a reply: everyone who started the thread or commented in it before; empty otherwise. */
  participantIds: readonly string[];
}

/**
 * Each person once: a mention outranks being a participant, the actor is left out, and the order
 * is mentions first, then participants, each as given.
 */
export function commentRecipients(facts: CommentRecipientFacts): CommentRecipient[] {
  const told = new Set<string>([facts.actorId]);
  const recipients: CommentRecipient[] = [];
  const add = (userId: string, kind: CommentRecipientKind) => {
    if (told.has(userId)) return;
    told.add(userId);
    recipients.push({ userId, kind });
  };
  for (const userId of facts.mentionedIds) add(userId, 'mentioned');
  for (const userId of facts.participantIds) add(userId, 'thread_reply');
  return recipients;
}

/** The mentions an edit adds: only people who were not mentioned before are told. */
export function newlyMentioned(before: readonly string[], after: readonly string[]): string[] {
  const previous = new Set(before);
  return after.filter((userId) => !previous.has(userId));
}
