import { describe, expect, it } from '@jest/globals';
import { reconnectDelay } from './reconnect-backoff.js';

const policy = { minDelayMs: 500, maxDelayMs: 8_000 };

describe('waiting before reconnecting', () => {
  it('doubles the longest wait after each failed attempt, up to the maximum', () => {
    const longest = (attempt: number) => reconnectDelay(attempt, policy, () => 0.999_999);
    expect([0, 1, 2, 3, 4, 5, 10].map(longest)).toEqual([
      499, 999, 1_999, 3_999, 7_999, 7_999, 7_999,
    ]);
  });

  it('spreads waits over the whole range, down to reconnecting at once', () => {
    expect(reconnectDelay(3, policy, () => 0)).toBe(0);
    expect(reconnectDelay(3, policy, () => 0.5)).toBe(2_000);
    const waits = Array.from({ length: 500 }, () => reconnectDelay(4, policy));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...waits)).toBeLessThan(8_000);
    expect(new Set(waits).size).toBeGreaterThan(100);
    expect(waits.filter((wait) => wait < 4_000).length).toBeGreaterThan(150);
    expect(waits.filter((wait) => wait >= 4_000).length).toBeGreaterThan(150);
  });

  it('survives a huge attempt count and a policy whose maximum is below its minimum', () => {
    expect(reconnectDelay(10_000, policy, () => 0.999_999)).toBe(7_999);
    expect(reconnectDelay(2, { minDelayMs: 1_000, maxDelayMs: 10 }, () => 0.5)).toBe(500);
  });
});
