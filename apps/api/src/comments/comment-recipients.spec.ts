import { describe, expect, it } from '@jest/globals';
import { commentRecipients, newlyMentioned } from './comment-recipients.js';

describe('who hears about a comment', () => {
  it('tells each mentioned member', () => {
    expect(
      commentRecipients({ actorId: 'ann', mentionedIds: ['bob', 'cat'], participantIds: [] }),
    ).toEqual([
      { userId: 'bob', kind: 'mentioned' },
      { userId: 'cat', kind: 'mentioned' },
    ]);
  });

  it('tells the others in a thread about a reply, but not the person replying', () => {
    expect(
      commentRecipients({
        actorId: 'ann',
        mentionedIds: [],
        participantIds: ['bob', 'ann', 'cat'],
      }),
    ).toEqual([
      { userId: 'bob', kind: 'thread_reply' },
      { userId: 'cat', kind: 'thread_reply' },
    ]);
  });

  it('tells a mentioned participant once, as a mention', () => {
    expect(
      commentRecipients({ actorId: 'ann', mentionedIds: ['bob'], participantIds: ['bob', 'cat'] }),
    ).toEqual([
      { userId: 'bob', kind: 'mentioned' },
      { userId: 'cat', kind: 'thread_reply' },
    ]);
  });

  it('does not tell people who mention themselves', () => {
    expect(
      commentRecipients({ actorId: 'ann', mentionedIds: ['ann'], participantIds: [] }),
    ).toEqual([]);
  });

  it('tells a participant who appears twice only once', () => {
    expect(
      commentRecipients({ actorId: 'ann', mentionedIds: [], participantIds: ['bob', 'bob'] }),
    ).toEqual([{ userId: 'bob', kind: 'thread_reply' }]);
  });

  it('an edit tells only the people it newly mentions', () => {
    expect(newlyMentioned(['bob'], ['bob', 'cat'])).toEqual(['cat']);
    expect(newlyMentioned(['bob', 'cat'], ['bob'])).toEqual([]);
  });
});
