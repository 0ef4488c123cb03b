import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum PublishingErrorCode {
  DraftNotFound = 'publishing_draft_not_found',
  DraftNotReady = 'publishing_draft_not_ready',
  NotPublished = 'publishing_not_published',
}

const publishingErrors: Record<PublishingErrorCode, ErrorDefinition> = {
  [PublishingErrorCode.DraftNotFound]: {
    status: 404,
    message: 'There is no such draft, or you do not have access to it.',
  },
  [PublishingErrorCode.DraftNotReady]: {
    status: 409,
    message:
      'Only a ready draft can be published. Wait until this draft is ready, or publish another one.',
  },
  [PublishingErrorCode.NotPublished]: {
    status: 404,
    message: 'There is no published plan at this address.',
  },
};

export const publishingError = errorFactory(publishingErrors);
