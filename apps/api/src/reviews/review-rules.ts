import {
  canMoveReview,
  reviewStatusLabels,
  type ReviewEventKind,
  type ReviewStatus,
} from '@commonplan/domain';

/** Why a section cannot move from one review status to another, in words a person can act on. */
export function transitionRefusal(from: ReviewStatus, to: ReviewStatus): string | null {
  if (canMoveReview(from, to)) return null;
  const now = reviewStatusLabels[from].toLowerCase();
  if (to === 'in_review' && from === 'in_review')
    return 'This section is already in review. Wait for the reviewers’ decision.';
  if (from === 'draft')
    return 'This section is still a draft. Ask for review before approving it or asking for changes.';
  if (from === 'approved')
    return 'This section is already approved. A lead can withdraw the approval to review it again.';
  if (from === 'changes_requested')
    return 'Changes were asked for on this section. Ask for review again once they are made.';
  return `This section is ${now}, so it cannot move to ${reviewStatusLabels[to].toLowerCase()}.`;
}

/** The history entry a move makes. */
export function reviewEventKind(to: ReviewStatus, confirming = false): ReviewEventKind {
  if (confirming) return 'approval_confirmed';
  switch (to) {
    case 'in_review':
      return 'review_requested';
    case 'approved':
      return 'approved';
    case 'changes_requested':
      return 'changes_requested';
    case 'draft':
      throw new Error('a section never moves back to draft');
  }
}

/** A note that says something, or null. */
export function cleanNote(note: string | undefined): string | null {
  const trimmed = note?.trim();
  return trimmed ? trimmed : null;
}
