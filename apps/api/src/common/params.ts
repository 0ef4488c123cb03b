import { ParseUUIDPipe } from '@nestjs/common';
import { commonError, CommonErrorCode } from './common.errors.js';

/** A path id that must be a UUID; anything else is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    version: '4',
    exceptionFactory: () =>
      commonError(CommonErrorCode.ValidationFailed, {
        message: `${name} must be an id (a UUID)`,
        field: name,
      }),
  });
}
