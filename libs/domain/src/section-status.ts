/** Section themes: the three gaps every plan addresses, plus the supporting parts of a plan. */
export const sectionThemes = [
  'health_and_wellbeing',
  'care_and_quality',
  'finance_and_efficiency',
  'enabler',
  'engagement',
  'other',
] as const;
export type SectionTheme = (typeof sectionThemes)[number];

export const sectionThemeLabels: Record<SectionTheme, string> = {
  health_and_wellbeing: 'Health and wellbeing',
  care_and_quality: 'Care and quality',
  finance_and_efficiency: 'Finance and efficiency',
  enabler: 'Enablers',
  engagement: 'Engagement',
  other: 'Other',
};

/**
 * Review of a section: an author asks for review, a reviewer approves or sends it back; a section
 * sent back or edited after approval goes to review again.
 */
export const reviewStatuses = ['draft', 'in_review', 'changes_requested', 'approved'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const reviewStatusLabels: Record<ReviewStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
};

const reviewTransitions: Record<ReviewStatus, readonly ReviewStatus[]> = {
  draft: ['in_review'],
  in_review: ['approved', 'changes_requested'],
  changes_requested: ['in_review'],
  approved: ['in_review'],
};

export function canMoveReview(from: ReviewStatus, to: ReviewStatus): boolean {
  return reviewTransitions[from].includes(to);
}

export function nextReviewStatuses(from: ReviewStatus): readonly ReviewStatus[] {
  return reviewTransitions[from];
}

/** What a reviewer decides about a section in review. */
export const reviewDecisions = ['approve', 'request_changes'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** What a lead decides about an approved section whose text changed since. */
export const approvalOutcomes = ['stands', 'withdrawn'] as const;
export type ApprovalOutcome = (typeof approvalOutcomes)[number];

/** One step of a section's review history. */
export const reviewEventKinds = [
  'review_requested',
  'approved',
  'changes_requested',
  'approval_confirmed',
  'approval_withdrawn',
] as const;
export type ReviewEventKind = (typeof reviewEventKinds)[number];

export const reviewEventLabels: Record<ReviewEventKind, string> = {
  review_requested: 'Asked for review',
  approved: 'Approved',
  changes_requested: 'Asked for changes',
  approval_confirmed: 'Confirmed the approval still stands',
  approval_withdrawn: 'Withdrew the approval',
};

/** The longest note a reviewer or lead can attach to a decision. */
export const reviewNoteMaxLength = 2000;
