import { draftScheduleTimeZone, weekdayLabels, weekdays, type Weekday } from '@commonplan/domain';

const ukDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: draftScheduleTimeZone,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** "Monday 23 November 2026 at 6:00pm", in UK time whatever the browser's own zone. */
export function formatUkDateTime(value: string): string {
  const parts = Object.fromEntries(
    ukDateTime.formatToParts(new Date(value)).map((part) => [part.type, part.value]),
  );
  const half = (parts.dayPeriod ?? '').toLowerCase().replace(/\./g, '');
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${half}`;
}

/** "every weekday", "every Monday and Thursday", "every day". */
export function describeDays(days: readonly Weekday[]): string {
  const set = new Set(days);
  if (set.size === 7) return 'every day';
  const workdays = weekdays.slice(0, 5);
  if (set.size === 5 && workdays.every((day) => set.has(day))) return 'every weekday';
  const names = weekdays.filter((day) => set.has(day)).map((day) => weekdayLabels[day]);
  if (names.length <= 1) return `every ${names[0] ?? ''}`;
  return `every ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
