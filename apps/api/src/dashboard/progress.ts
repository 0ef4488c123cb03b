import {
  reviewStatuses,
  type DashboardDay,
  type DashboardWordsDay,
  type ReviewStatus,
} from '@commonplan/domain';

/** A calendar day as `YYYY-MM-DD` (UTC). */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Every day from `first` to `last`, inclusive, at most `maxDays` (the latest ones). */
export function daysBetween(first: string, last: string, maxDays = 90): string[] {
  const days: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  let at = Math.max(Date.parse(`${first}T00:00:00Z`), end - (maxDays - 1) * 86_400_000);
  for (; at <= end; at += 86_400_000) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

const emptyCounts = (): Record<ReviewStatus, number> =>
  Object.fromEntries(reviewStatuses.map((status) => [status, 0])) as Record<ReviewStatus, number>;

/**
 * How many sections stood at each review status at the end of each day: a section counts from the
 * day it was made, as a draft until its first review step, then as its latest step left it.
 */
export function statusByDay(
  days: readonly string[],
  sections: ReadonlyArray<{ id: string; createdDay: string }>,
  events: ReadonlyArray<{ sectionId: string; day: string; to: ReviewStatus }>,
): DashboardDay[] {
  const ordered = [...events].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return days.map((day) => {
    const counts = emptyCounts();
    const status = new Map<string, ReviewStatus>();
    for (const event of ordered) {
      if (event.day > day) break;
      status.set(event.sectionId, event.to);
    }
    for (const section of sections) {
      if (section.createdDay > day) continue;
      counts[status.get(section.id) ?? 'draft'] += 1;
    }
    return { day, counts };
  });
}

/**
 * Words in the plan at the end of each day, carrying each section's last count forward over days
 * nobody counted, and the words written that day (the day's growth; a day of cuts writes none).
 */
export function wordsByDay(
  days: readonly string[],
  counts: ReadonlyArray<{ sectionId: string; day: string; words: number }>,
): DashboardWordsDay[] {
  const ordered = [...counts].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const latest = new Map<string, number>();
  let next = 0;
  let previous: number | null = null;
  const result: DashboardWordsDay[] = [];
  for (const day of days) {
    while (next < ordered.length && ordered[next]!.day <= day) {
      latest.set(ordered[next]!.sectionId, ordered[next]!.words);
      next += 1;
    }
    let words = 0;
    for (const value of latest.values()) words += value;
    result.push({ day, words, written: previous === null ? words : Math.max(0, words - previous) });
    previous = words;
  }
  return result;
}

/** A section is overdue once its due date has passed and it is not yet approved. */
export function isOverdue(dueDate: string | null, status: ReviewStatus, today: string): boolean {
  return dueDate !== null && dueDate < today && status !== 'approved';
}
