import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum DraftErrorCode {
  DraftNotFound = 'draft_not_found',
  PlanHasNoSections = 'draft_plan_has_no_sections',
  NotFailed = 'draft_not_failed',
  NotReady = 'draft_not_ready',
  OtherPlan = 'draft_other_plan',
  InvalidIdempotencyKey = 'draft_invalid_idempotency_key',
  SectionNotInDraft = 'draft_section_not_in_draft',
  TextNotReady = 'draft_text_not_ready',
}

const draftErrors: Record<DraftErrorCode, ErrorDefinition> = {
  [DraftErrorCode.DraftNotFound]: {
    status: 404,
    message: 'There is no such draft, or you do not have access to it.',
  },
  [DraftErrorCode.PlanHasNoSections]: {
    status: 409,
    message: 'This plan has no sections yet. Add a section before asking for a draft.',
  },
  [DraftErrorCode.NotFailed]: {
    status: 409,
    message: 'Only a draft that failed can be tried again.',
  },
  [DraftErrorCode.NotReady]: {
    status: 409,
    message: 'Both drafts must be ready before they can be compared.',
  },
  [DraftErrorCode.OtherPlan]: {
    status: 400,
    message: 'Both drafts must belong to this plan.',
  },
  [DraftErrorCode.InvalidIdempotencyKey]: {
    status: 400,
    message:
      'The Idempotency-Key header must be 8 to 100 letters, digits, hyphens, underscores or colons.',
  },
  [DraftErrorCode.SectionNotInDraft]: {
    status: 404,
    message: 'This section is not in that draft: it was added after the draft was made.',
  },
  [DraftErrorCode.TextNotReady]: {
    status: 409,
    message: 'This draft is not ready yet. Its text can be restored once the draft is ready.',
  },
};

export const draftError = errorFactory(draftErrors);
