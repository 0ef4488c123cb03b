import { describe, expect, it } from '@jest/globals';
import {
  canMovePlan,
  isPlanPeriod,
  isPlanningYear,
  nextPlanStatuses,
  planStatuses,
} from './plan-status.js';

describe('plan status transitions', () => {
  const allowed = [
    ['drafting', 'consultation'],
    ['consultation', 'drafting'],
    ['consultation', 'published'],
    ['published', 'archived'],
    ['archived', 'drafting'],
  ];

  for (const from of planStatuses) {
    for (const to of planStatuses) {
      const ok = allowed.some(([a, b]) => a === from && b === to);
      it(`a plan ${ok ? 'can' : 'cannot'} move from ${from} to ${to}`, () => {
        expect(canMovePlan(from, to)).toBe(ok);
      });
    }
  }

  it('a drafting plan can only go to consultation next', () => {
    expect(nextPlanStatuses('drafting')).toEqual(['consultation']);
  });
});

describe('plan periods', () => {
  it('accepts NHS planning years', () => {
    expect(isPlanningYear('2016/17')).toBe(true);
    expect(isPlanningYear('2099/00')).toBe(true);
  });

  it('refuses years that do not follow on', () => {
    expect(isPlanningYear('2016/18')).toBe(false);
    expect(isPlanningYear('2016-17')).toBe(false);
    expect(isPlanningYear('16/17')).toBe(false);
  });

  it('a period must not run backwards', () => {
    expect(isPlanPeriod('2016/17', '2020/21')).toBe(true);
    expect(isPlanPeriod('2023/24', '2023/24')).toBe(true);
    expect(isPlanPeriod('2020/21', '2016/17')).toBe(false);
  });
});
