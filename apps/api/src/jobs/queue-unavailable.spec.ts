import { describe, expect, it } from '@jest/globals';
import { isRedisUnreachable, queueUnavailable } from './queue-unavailable.js';

describe('telling Redis away from a bad request', () => {
  it('counts what ioredis says while Redis is down, stalled or gone as unreachable', () => {
    for (const message of [
      "Stream isn't writeable and enableOfflineQueue options is false",
      'Command timed out',
      'Reached the max retries per request limit (which is 0). Refer to "maxRetriesPerRequest" option for details.',
      'Connection is closed.',
      'connect ECONNREFUSED 127.0.0.1:6379',
    ])
      expect(isRedisUnreachable(new Error(message))).toBe(true);
  });

  it('lets other errors through as they are', () => {
    expect(isRedisUnreachable(new Error('Missing key for job draft-1. moveToFinished'))).toBe(
      false,
    );
    expect(isRedisUnreachable('not an error')).toBe(false);
  });

  it('answers 503 service_unavailable, which carries Retry-After', () => {
    const error = queueUnavailable();
    expect([error.status, error.code]).toEqual([503, 'service_unavailable']);
  });
});
