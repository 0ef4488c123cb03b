import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum ExportErrorCode {
  ExportNotFound = 'export_not_found',
  DraftNotReady = 'export_draft_not_ready',
  NotFailed = 'export_not_failed',
  NotReady = 'export_not_ready',
}

const exportErrors: Record<ExportErrorCode, ErrorDefinition> = {
  [ExportErrorCode.ExportNotFound]: {
    status: 404,
    message: 'There is no such export, or you do not have access to it.',
  },
  [ExportErrorCode.DraftNotReady]: {
    status: 409,
    message: 'Only a ready draft can be exported. Wait until the draft is ready, then try again.',
  },
  [ExportErrorCode.NotFailed]: {
    status: 409,
    message: 'Only an export that failed can be tried again.',
  },
  [ExportErrorCode.NotReady]: {
    status: 409,
    message: 'This export is not ready yet. Download it once it is ready.',
  },
};

export const exportError = errorFactory(exportErrors);
