import type { AppError } from '../common/app-error.js';
import { commonError, CommonErrorCode } from '../common/common.errors.js';

/** ioredis's ways of saying Redis is not there, as opposed to an error in what was asked. */
export function isRedisUnreachable(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /Stream isn't writeable|Command timed out|max retries per request|Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE/i.test(
    message,
  );
}

/** What a request that needs the job queue answers while Redis is away: 503 with Retry-After. */
export function queueUnavailable(): AppError {
  return commonError(CommonErrorCode.ServiceUnavailable, {
    message:
      'Commonplan cannot reach its job queue just now, so nothing was done. Try again in a minute.',
  });
}
