import { describe, expect, it } from '@jest/globals';
import { distribution, percentile, round, spread } from './stats.js';

describe('percentiles of one run', () => {
  it('takes the nearest-rank percentile of sorted values', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('has no percentile of nothing', () => {
    expect(percentile([], 50)).toBeNull();
    expect(distribution([])).toEqual({ count: 0, p50: null, p99: null, max: null });
  });

  it('sorts latencies numerically before taking p50, p99 and max', () => {
    const latencies = [100, 9, 3, 25, 1, 2, 4, 5, 6, 7];
    expect(distribution(latencies)).toEqual({ count: 10, p50: 5, p99: 100, max: 100 });
  });
});

describe('a figure across runs', () => {
  it('is the median with min and max, of an odd number of runs', () => {
    expect(spread([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, runs: 3 });
  });

  it('averages the middle two of an even number of runs', () => {
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, runs: 4 });
  });

  it('leaves out runs without the figure', () => {
    expect(spread([null, 5, Number.NaN, 7])).toEqual({ median: 6, min: 5, max: 7, runs: 2 });
    expect(spread([null])).toEqual({ median: null, min: null, max: null, runs: 0 });
  });

  it('rounds to the digits asked for', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(null)).toBeNull();
  });
});
