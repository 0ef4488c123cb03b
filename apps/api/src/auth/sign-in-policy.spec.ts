import { describe, expect, it } from '@jest/globals';
import { failureDelayMs } from './sign-in-policy.js';

describe('sign-in slowing', () => {
  it('answers the first failures at once', () => {
    expect([1, 2, 3].map((n) => failureDelayMs(n, 3))).toEqual([0, 0, 0]);
  });

  it('doubles the wait with each further failure, up to five seconds', () => {
    expect([4, 5, 6, 7, 8, 9, 20].map((n) => failureDelayMs(n, 3))).toEqual([
      250, 500, 1000, 2000, 4000, 5000, 5000,
    ]);
  });
});
