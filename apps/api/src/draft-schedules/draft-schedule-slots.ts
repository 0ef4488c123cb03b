import {
  draftScheduleDatePlaceholder,
  draftScheduleTimeZone,
  weekdays,
  type Weekday,
} from '@commonplan/domain';

/** A wall-clock moment in the schedule's time zone. */
interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const minuteMs = 60_000;
const dayMs = 86_400_000;

const wallFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: draftScheduleTimeZone,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function wallTimeAt(instant: number): WallTime {
  const parts = Object.fromEntries(
    wallFormat.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', number>;
  return parts;
}

/** The wall time read as if it were UTC, in milliseconds. */
function asUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number): number {
  return asUtc(wallTimeAt(instant)) - Math.floor(instant / minuteMs) * minuteMs;
}

/**
 * The instant the zone's clocks show a wall time. When the clocks go back the time happens twice
 * and the first is taken; when they go forward it does not happen at all, and the instant the
 * clocks would have shown it without the change is taken (01:30 on the day the clocks go forward
 * at 01:00 becomes 02:30 summer time): a schedule still runs that day, never twice.
 */
export function instantOfWallTime(wall: WallTime): Date {
  const naive = asUtc(wall);
  const before = offsetAt(naive - dayMs);
  const after = offsetAt(naive + dayMs);
  const matching = [naive - before, naive - after]
    .filter((instant) => asUtc(wallTimeAt(instant)) === naive)
    .sort((a, b) => a - b);
  return new Date(matching[0] ?? naive - before);
}

/** `HH:MM` as hours and minutes. */
function parseTime(time: string): { hour: number; minute: number } {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { hour, minute };
}

/** Monday is 0. */
function weekdayIndexOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/**
 * The first moment strictly after `after` when a schedule for these days at this time (UK time)
 * falls due; null when it names no day.
 */
export function nextScheduledRun(
  schedule: { days: readonly Weekday[]; time: string },
  after: Date,
): Date | null {
  const wanted = new Set(schedule.days.map((day) => weekdays.indexOf(day)));
  if (wanted.size === 0) return null;
  const { hour, minute } = parseTime(schedule.time);
  const today = wallTimeAt(after.getTime());
  // Eight days always reach the same weekday next week, even when today's time has passed.
  for (let offset = 0; offset <= 8; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!wanted.has(weekdayIndexOf(year, month, day))) continue;
    const run = instantOfWallTime({ year, month, day, hour, minute });
    if (run.getTime() > after.getTime()) return run;
  }
  return null;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: draftScheduleTimeZone,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** The UK date of a run, as a label shows it: `Monday 23 November 2026`. */
export function scheduleDateText(run: Date): string {
  const parts = Object.fromEntries(dateFormat.formatToParts(run).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** The label of the draft a schedule makes for a run. */
export function scheduledDraftLabel(labelPattern: string, run: Date): string {
  return labelPattern.split(draftScheduleDatePlaceholder).join(scheduleDateText(run));
}

/** The key that makes one draft per plan and run, however many workers see the run due. */
export function scheduledDraftKey(run: Date): string {
  return `schedule:${run.toISOString()}`;
}
