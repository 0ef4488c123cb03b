import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum ReviewErrorCode {
  TransitionNotAllowed = 'review_transition_not_allowed',
  NotAssignedReviewer = 'not_assigned_reviewer',
  NoteRequired = 'review_note_required',
  ReviewerNotMember = 'reviewer_not_member',
  ReviewerWrongRole = 'reviewer_wrong_role',
  NotApproved = 'section_not_approved',
}

const reviewErrors: Record<ReviewErrorCode, ErrorDefinition> = {
  [ReviewErrorCode.TransitionNotAllowed]: {
    status: 409,
    message:
      'The section’s review status does not allow this. Reload the page to see where it stands.',
  },
  [ReviewErrorCode.NotAssignedReviewer]: {
    status: 403,
    message:
      'Only the reviewers assigned to this section, or a lead, can approve it or ask for changes.',
  },
  [ReviewErrorCode.NoteRequired]: {
    status: 400,
    message: 'Write a note saying what should change.',
  },
  [ReviewErrorCode.ReviewerNotMember]: {
    status: 400,
    message: 'Everyone asked to review must be a member of the footprint.',
  },
  [ReviewErrorCode.ReviewerWrongRole]: {
    status: 400,
    message: 'Reviewers must be reviewers or leads in this footprint.',
  },
  [ReviewErrorCode.NotApproved]: {
    status: 409,
    message: 'This section is not approved, so there is no approval to compare with or reconsider.',
  },
};

export const reviewError = errorFactory(reviewErrors);
