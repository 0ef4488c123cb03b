import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum OperationsErrorCode {
  AdminOnly = 'admin_only',
}

const operationsErrors: Record<OperationsErrorCode, ErrorDefinition> = {
  [OperationsErrorCode.AdminOnly]: {
    status: 403,
    message: 'Only the administrators of this Commonplan can see how its service runs.',
  },
};

export const operationsError = errorFactory(operationsErrors);
