import { describe, expect, it } from '@jest/globals';
import {
  instantOfWallTime,
  nextScheduledRun,
  scheduledDraftKey,
  scheduledDraftLabel,
} from './draft-schedule-slots.js';

const weekdaysOnly = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const at = (iso: string) => new Date(iso);

describe('when a draft schedule next runs', () => {
  it('runs later the same day when the time has not come yet (winter: UK time is UTC)', () => {
    // Monday 23 November 2026, 15:00 in London.
    expect(
      nextScheduledRun({ days: [...weekdaysOnly], time: '18:00' }, at('2026-11-23T15:00:00Z')),
    ).toEqual(at('2026-11-23T18:00:00Z'));
  });

  it('runs at 18:00 summer time, which is 17:00 UTC', () => {
    expect(
      nextScheduledRun({ days: [...weekdaysOnly], time: '18:00' }, at('2026-06-15T09:00:00Z')),
    ).toEqual(at('2026-06-15T17:00:00Z'));
  });

  it('skips the weekend: after Friday 18:00 the next weekday run is Monday', () => {
    expect(
      nextScheduledRun({ days: [...weekdaysOnly], time: '18:00' }, at('2026-11-27T18:00:00Z')),
    ).toEqual(at('2026-11-30T18:00:00Z'));
  });

  it('never returns the moment it was asked at: a run is strictly later', () => {
    expect(
      nextScheduledRun({ days: ['monday'], time: '18:00' }, at('2026-11-23T18:00:00Z')),
    ).toEqual(at('2026-11-30T18:00:00Z'));
  });

  it('keeps 18:00 at 18:00 across the change to summer time', () => {
    // The clocks go forward on Sunday 29 March 2026.
    expect(
      nextScheduledRun({ days: ['saturday', 'sunday'], time: '18:00' }, at('2026-03-28T18:30:00Z')),
    ).toEqual(at('2026-03-29T17:00:00Z'));
  });

  it('keeps 18:00 at 18:00 across the change back to winter time', () => {
    // The clocks go back on Sunday 25 October 2026.
    expect(
      nextScheduledRun({ days: ['saturday', 'sunday'], time: '18:00' }, at('2026-10-24T17:30:00Z')),
    ).toEqual(at('2026-10-25T18:00:00Z'));
  });

  it('runs a time the clocks skip (01:30 when they go forward) an hour later, once', () => {
    expect(instantOfWallTime({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 })).toEqual(
      at('2026-03-29T01:30:00Z'),
    );
    expect(
      nextScheduledRun({ days: ['sunday'], time: '01:30' }, at('2026-03-28T12:00:00Z')),
    ).toEqual(at('2026-03-29T01:30:00Z'));
  });

  it('runs a time the clocks show twice (01:30 when they go back) only the first time', () => {
    expect(instantOfWallTime({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 })).toEqual(
      at('2026-10-25T00:30:00Z'),
    );
    // Asked between the two 01:30s: the next is a week later, not the repeated hour.
    expect(
      nextScheduledRun({ days: ['sunday'], time: '01:30' }, at('2026-10-25T00:45:00Z')),
    ).toEqual(at('2026-11-01T01:30:00Z'));
  });

  it('runs at midnight UK time, which in summer is 23:00 UTC the day before', () => {
    expect(
      nextScheduledRun({ days: ['wednesday'], time: '00:00' }, at('2026-07-01T12:00:00Z')),
    ).toEqual(at('2026-07-07T23:00:00Z'));
  });

  it('has no next run without days', () => {
    expect(nextScheduledRun({ days: [], time: '18:00' }, at('2026-11-23T15:00:00Z'))).toBeNull();
  });
});

describe("a scheduled draft's label and key", () => {
  it('writes the UK date of the run into the label', () => {
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(scheduledDraftLabel('Scheduled draft, {date}', at('2026-06-30T23:30:00Z'))).toBe(
      'Scheduled draft, Wednesday 1 July 2026',
    );
  });

  it('keys each run by its instant, so one run makes one draft', () => {
    expect(scheduledDraftKey(at('2026-11-23T18:00:00Z'))).toBe('schedule:2026-11-23T18:00:00.000Z');
  });
});
