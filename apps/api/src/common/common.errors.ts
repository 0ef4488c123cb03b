import { errorFactory, type ErrorDefinition } from './app-error.js';

export enum CommonErrorCode {
  ValidationFailed = 'validation_failed',
  InvalidJson = 'invalid_json',
  PayloadTooLarge = 'payload_too_large',
  NotFound = 'not_found',
  Forbidden = 'forbidden',
  Conflict = 'conflict',
  ForeignOrigin = 'foreign_origin',
  ServiceUnavailable = 'service_unavailable',
  Internal = 'internal_error',
}

const commonErrors: Record<CommonErrorCode, ErrorDefinition> = {
  [CommonErrorCode.ValidationFailed]: {
    status: 400,
    message: 'Some of what was sent is not valid.',
  },
  [CommonErrorCode.InvalidJson]: { status: 400, message: 'The request body is not valid JSON.' },
  [CommonErrorCode.PayloadTooLarge]: { status: 413, message: 'The request is too large.' },
  [CommonErrorCode.NotFound]: {
    status: 404,
    message: 'There is nothing here, or you do not have access to it.',
  },
  [CommonErrorCode.Forbidden]: { status: 403, message: 'Your role does not allow this.' },
  [CommonErrorCode.Conflict]: {
    status: 409,
    message: 'This conflicts with something that already exists.',
  },
  [CommonErrorCode.ForeignOrigin]: {
    status: 403,
    message: 'This request came from another website, so it was refused.',
  },
  [CommonErrorCode.ServiceUnavailable]: {
    status: 503,
    message: 'Commonplan cannot reach its database or Redis just now. Try again in a minute.',
  },
  [CommonErrorCode.Internal]: {
    status: 500,
    message:
      'Something went wrong on our side. Try again; if it keeps happening, tell your administrator the request id.',
  },
};

export const commonError = errorFactory(commonErrors);
