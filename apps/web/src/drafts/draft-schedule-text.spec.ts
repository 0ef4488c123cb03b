import { describe, expect, it } from '@jest/globals';
import { describeDays, formatUkDateTime } from './draft-schedule-text';

describe('how a draft schedule reads', () => {
  it('names the days the way a person would', () => {
    expect(describeDays(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'])).toBe(
      'every weekday',
    );
    expect(describeDays(['thursday', 'monday'])).toBe('every Monday and Thursday');
    expect(describeDays(['friday'])).toBe('every Friday');
  });

  it('shows the next run in UK time, in summer and winter', () => {
    expect(formatUkDateTime('2026-06-15T17:00:00Z')).toBe('Monday 15 June 2026 at 6:00pm');
    expect(formatUkDateTime('2026-11-23T18:00:00Z')).toBe('Monday 23 November 2026 at 6:00pm');
  });
});
