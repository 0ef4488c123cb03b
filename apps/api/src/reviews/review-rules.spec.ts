import { describe, expect, it } from '@jest/globals';
import { reviewStatuses } from '@commonplan/domain';
import { cleanNote, reviewEventKind, transitionRefusal } from './review-rules.js';

describe('review moves', () => {
  it('explains every move the rules refuse, and allows the rest', () => {
    for (const from of reviewStatuses)
      for (const to of reviewStatuses) {
        const refusal = transitionRefusal(from, to);
        const allowed =
          (from === 'draft' && to === 'in_review') ||
          (from === 'in_review' && (to === 'approved' || to === 'changes_requested')) ||
          (from === 'changes_requested' && to === 'in_review') ||
          (from === 'approved' && to === 'in_review');
        expect({ from, to, refused: refusal !== null }).toEqual({ from, to, refused: !allowed });
      }
  });

  it('tells a reviewer of a draft to ask for review first', () => {
    expect(transitionRefusal('draft', 'approved')).toMatch(/Ask for review/);
  });

  it('names the history entry each move makes', () => {
    expect(reviewEventKind('in_review')).toBe('review_requested');
    expect(reviewEventKind('changes_requested')).toBe('changes_requested');
    expect(reviewEventKind('approved', true)).toBe('approval_confirmed');
  });

  it('treats a blank note as no note', () => {
    expect(cleanNote('  ')).toBeNull();
    expect(cleanNote(' Add the costs. ')).toBe('Add the costs.');
  });
});
