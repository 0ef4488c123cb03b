import { draftScheduleTimeZone, weekdays, type DraftScheduleView } from '@commonplan/domain';
import type { DraftSchedule } from './draft-schedule.entity.js';

export function toDraftScheduleView(schedule: DraftSchedule): DraftScheduleView {
  return {
    planId: schedule.planId,
    days: [...schedule.days].sort((a, b) => weekdays.indexOf(a) - weekdays.indexOf(b)),
    time: schedule.timeOfDay,
    timeZone: draftScheduleTimeZone,
    onlyIfChanged: schedule.onlyIfChanged,
    enabled: schedule.enabled,
    labelPattern: schedule.labelPattern,
    nextRunAt: schedule.nextRunAt?.toISOString() ?? null,
    lastRunAt: schedule.lastRunAt?.toISOString() ?? null,
    lastOutcome: schedule.lastOutcome,
    lastDraftId: schedule.lastDraftId,
    updatedAt: schedule.updatedAt.toISOString(),
  };
}
