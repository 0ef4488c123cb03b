import { describe, expect, it } from '@jest/globals';
import { canMoveReview, nextReviewStatuses, reviewStatuses } from './section-status.js';

describe('section review transitions', () => {
  const allowed = [
    ['draft', 'in_review'],
    ['in_review', 'approved'],
    ['in_review', 'changes_requested'],
    ['changes_requested', 'in_review'],
    ['approved', 'in_review'],
  ];

  for (const from of reviewStatuses) {
    for (const to of reviewStatuses) {
      const ok = allowed.some(([a, b]) => a === from && b === to);
      it(`a section ${ok ? 'can' : 'cannot'} move from ${from} to ${to}`, () => {
        expect(canMoveReview(from, to)).toBe(ok);
      });
    }
  }

  it('a section sent back goes to review again, never straight to approved', () => {
    expect(nextReviewStatuses('changes_requested')).toEqual(['in_review']);
  });
});
