/**
 * Drafts made on a schedule a lead sets: on some days of the week, at a time of day in UK time
 * (Europe/London, so 18:00 stays 18:00 when the clocks change), optionally only when the plan has
 * changed since its last draft.
 */
export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof weekdays)[number];

export const weekdayLabels: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/** The time zone every schedule's time of day is in. */
export const draftScheduleTimeZone = 'Europe/London';

/** A time of day on the 24-hour clock, `HH:MM`. */
export const draftScheduleTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Written in a schedule's label pattern, replaced by the day the draft is for. */
export const draftScheduleDatePlaceholder = '{date}';

export const defaultDraftScheduleLabel = `Scheduled draft, ${draftScheduleDatePlaceholder}`;

/** Short enough that the label, with the date written in, fits a draft's label. */
export const draftScheduleLabelMaxLength = 90;

/** What a schedule did at its last slot. */
export const draftScheduleOutcomes = ['made', 'unchanged', 'no_sections'] as const;
export type DraftScheduleOutcome = (typeof draftScheduleOutcomes)[number];
