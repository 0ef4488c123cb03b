import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { draftLabelMaxLength, type DraftScheduleOutcome, type Weekday } from '@commonplan/domain';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { LOGGER } from '../common/logger.js';
import { DraftQueue } from '../drafts/draft-queue.js';
import { recordDraft } from '../drafts/draft-records.js';
import type { JobHandler } from '../jobs/job-handler.js';
import { JobName } from '../jobs/job-names.js';
import {
  nextScheduledRun,
  scheduledDraftKey,
  scheduledDraftLabel,
} from './draft-schedule-slots.js';
import { planChangedSince, type SectionState } from './plan-changes.js';

interface DueSchedule {
  plan_id: string;
  footprint_id: string;
  days: Weekday[];
  time_of_day: string;
  only_if_changed: boolean;
  label_pattern: string;
  next_run_at: Date;
}

interface SectionRow {
  section_id: string;
  position: number;
  title: string;
  theme: string;
  review_status: string;
  text: Buffer[];
}

const toState = (row: SectionRow): SectionState => ({
  sectionId: row.section_id,
  position: row.position,
  title: row.title,
  theme: row.theme,
  reviewStatus: row.review_status,
  text: row.text,
});

/**
 * Runs every draft schedule that has fallen due (the worker runs this job every
 * `DRAFT_SCHEDULES_CHECK_SECONDS`). Each schedule is taken in its own transaction with its row
 * locked (`SKIP LOCKED`, so two workers share the work rather than wait), and its next run is set
 * in the same transaction: a run is handled once. The draft it makes carries the run as its
 * request key, unique per plan, so even a run handled twice could not make two drafts.
 */
@Injectable()
export class DraftSchedulesRunJob implements JobHandler<JobName.DraftSchedulesRun> {
  readonly name = JobName.DraftSchedulesRun;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly draftQueue: DraftQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(): Promise<Record<DraftScheduleOutcome, number>> {
    const counts: Record<DraftScheduleOutcome, number> = { made: 0, unchanged: 0, no_sections: 0 };
    for (;;) {
      const ran = await this.runNextDue(new Date());
      if (!ran) break;
      counts[ran.outcome] += 1;
      if (ran.draftId) await this.draftQueue.enqueue(ran.draftId);
    }
    return counts;
  }

  /** Runs the schedule most overdue at `now`, if any; says what it did. */
  async runNextDue(
    now: Date,
  ): Promise<{ planId: string; outcome: DraftScheduleOutcome; draftId: string | null } | null> {
    return this.dataSource.transaction(async (manager) => {
      const [due] = await manager.query<DueSchedule[]>(
        `SELECT s.plan_id, p.footprint_id, s.days, s.time_of_day, s.only_if_changed,
                s.label_pattern, s.next_run_at
           FROM draft_schedules s JOIN plans p ON p.id = s.plan_id
          WHERE s.enabled AND s.next_run_at <= $1
          ORDER BY s.next_run_at
          LIMIT 1
          FOR UPDATE OF s SKIP LOCKED`,
        [now],
      );
      if (!due) return null;
      const run = new Date(due.next_run_at);
      const { outcome, draftId } = await this.runOnce(manager, due, run);
      // After a long stop the missed runs are not made up one by one: the next is after now.
      const next = nextScheduledRun(
        { days: due.days, time: due.time_of_day },
        now > run ? now : run,
      );
      await manager.query(
        `UPDATE draft_schedules
            SET next_run_at = $2, last_run_at = $3, last_outcome = $4,
                last_draft_id = COALESCE($5, last_draft_id)
          WHERE plan_id = $1`,
        [due.plan_id, next, run, outcome, draftId],
      );
      this.logger.info(
        { event: 'draft_schedule_ran', planId: due.plan_id, run, outcome, draftId, next },
        'draft schedule ran',
      );
      return { planId: due.plan_id, outcome, draftId };
    });
  }

  private async runOnce(
    manager: EntityManager,
    due: DueSchedule,
    run: Date,
  ): Promise<{ outcome: DraftScheduleOutcome; draftId: string | null }> {
    // The plan's row is what every draft request locks: what is compared is what would be copied.
    await manager.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [due.plan_id]);
    const current = await manager.query<SectionRow[]>(
      `SELECT s.id AS section_id, s.position, s.title, s.theme, s.review_status,
              ARRAY(SELECT d.snapshot FROM section_documents d WHERE d.section_id = s.id)
                || ARRAY(SELECT u.update FROM section_updates u WHERE u.section_id = s.id ORDER BY u.seq)
                AS text
         FROM sections s
        WHERE s.plan_id = $1`,
      [due.plan_id],
    );
    if (current.length === 0) return { outcome: 'no_sections', draftId: null };
    if (due.only_if_changed) {
      const last = await this.lastDraftSections(manager, due.plan_id);
      if (!planChangedSince(current.map(toState), last?.map(toState) ?? null))
        return { outcome: 'unchanged', draftId: null };
    }
    const { draftId } = await recordDraft(
      manager,
      this.audit,
      {
        planId: due.plan_id,
        footprintId: due.footprint_id,
        label: scheduledDraftLabel(due.label_pattern, run).slice(0, draftLabelMaxLength),
        requestedBy: null,
        requestKey: scheduledDraftKey(run),
      },
      null,
    );
    return { outcome: 'made', draftId };
  }

  /**
   * What the plan's last draft copied: its rendered state once ready, the copied source before.
   * A failed draft is passed over, so a plan whose last draft failed gets a new one.
   */
  private async lastDraftSections(
    manager: EntityManager,
    planId: string,
  ): Promise<SectionRow[] | null> {
    const [last] = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM plan_drafts WHERE plan_id = $1 AND status <> 'failed'
        ORDER BY number DESC LIMIT 1`,
      [planId],
    );
    if (!last) return null;
    return manager.query<SectionRow[]>(
      `SELECT section_id, position, title, theme, review_status,
              CASE WHEN yjs_state IS NOT NULL THEN ARRAY[yjs_state] ELSE source_updates END AS text
         FROM plan_draft_sections WHERE draft_id = $1`,
      [last.id],
    );
  }
}
