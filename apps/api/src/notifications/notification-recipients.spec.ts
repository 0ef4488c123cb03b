import { describe, expect, it } from '@jest/globals';
import { notificationRecipients } from './notification-recipients.js';

describe('who is notified', () => {
  const memberIds = new Set(['actor', 'ana', 'bo', 'cy']);

  it('tells each person named once, and never the person who did it', () => {
    expect(
      notificationRecipients({
        recipientIds: ['ana', 'actor', 'ana', 'bo'],
        actorId: 'actor',
        memberIds,
        mutedIds: new Set(),
      }),
    ).toEqual(['ana', 'bo']);
  });

  it('skips people who muted the plan and people no longer in the footprint', () => {
    expect(
      notificationRecipients({
        recipientIds: ['ana', 'bo', 'gone'],
        actorId: null,
        memberIds,
        mutedIds: new Set(['bo']),
      }),
    ).toEqual(['ana']);
  });
});
