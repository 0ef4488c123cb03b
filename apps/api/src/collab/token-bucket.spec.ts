import { describe, expect, it } from '@jest/globals';
import { TokenBucket } from './token-bucket.js';

describe('the token bucket', () => {
  it('lets a second’s allowance through at once, then refuses until it refills', () => {
    const bucket = new TokenBucket(5, 0);
    expect(Array.from({ length: 6 }, () => bucket.take(0))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.take(100)).toBe(false);
    expect(bucket.take(200)).toBe(true);
  });

  it('never holds more than one second’s worth', () => {
    const bucket = new TokenBucket(2, 0);
    const later = 60_000;
    expect([bucket.take(later), bucket.take(later), bucket.take(later)]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
