import { describe, expect, it } from '@jest/globals';
import { labelEvery, niceScale } from './chart-scale';

describe('chart scales', () => {
  it('rounds the top of the axis up to a readable step', () => {
    expect(niceScale(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(1234)).toEqual({ top: 1500, ticks: [0, 500, 1000, 1500] });
    expect(niceScale(0)).toEqual({ top: 1, ticks: [0, 1] });
  });

  it('prints at most a handful of day labels', () => {
    expect(labelEvery(5)).toBe(1);
    expect(labelEvery(90)).toBe(12);
  });
});
