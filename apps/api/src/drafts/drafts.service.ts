import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DraftComparison, DraftSummary, DraftView } from '@commonplan/domain';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import type { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobName, QueueName } from '../jobs/job-names.js';
import { QueueService } from '../jobs/queue.service.js';
import { PlansService, type PlanAccess } from '../plans/plans.service.js';
import { DraftContents } from './draft-contents.service.js';
import { draftJobId } from './draft-generate.payload.js';
import { toDraftSectionView, toDraftSummary } from './draft.view.js';
import { draftError, DraftErrorCode } from './drafts.errors.js';
import { PlanDraft } from './plan-draft.entity.js';

/**
 * Drafts of a plan: asking for one (numbered, with the sections' text taken at that moment),
 * listing and reading them, trying a failed one again, and comparing two. The worker makes them
 * (`DraftGenerateJob`).
 */
@Injectable()
export class DraftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(PlanDraft) private readonly drafts: Repository<PlanDraft>,
    private readonly contents: DraftContents,
    private readonly plans: PlansService,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records a draft as `queued` with a copy of every section's stored text, then queues its job.
   * The plan's row is locked, so numbers are given out one at a time, and a repeated request with
   * the same key finds the draft the first one made. The sections are copied by one statement,
   * so every section is read as of the same moment: the stored snapshot and log rows are what
   * every acknowledged edit has reached (group commit acknowledges only after commit), and a
   * compaction committing meanwhile is seen wholly or not at all.
   */
  async request(
    planAccess: PlanAccess,
    label: string,
    requestKey: string | null,
    context: RequestContext,
  ): Promise<{ draft: DraftSummary; created: boolean }> {
    const planId = planAccess.plan.id;
    const userId = context.auth?.user.id ?? null;
    const { draftId, created } = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [planId]);
      if (requestKey) {
        const existing = await manager.findOne(PlanDraft, { where: { planId, requestKey } });
        if (existing) return { draftId: existing.id, created: false };
      }
      const [{ count } = { count: '0' }] = await manager.query<Array<{ count: string }>>(
        'SELECT count(*) FROM sections WHERE plan_id = $1',
        [planId],
      );
      if (Number(count) === 0) throw draftError(DraftErrorCode.PlanHasNoSections);
      const [{ id }] = (await manager.query<Array<{ id: string }>>(
        `INSERT INTO plan_drafts (plan_id, number, label, status, requested_by, request_key, sections_total)
         VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM plan_drafts WHERE plan_id = $1),
                 $2, 'queued', $3, $4, 0)
         RETURNING id`,
        [planId, label, userId, requestKey],
      )) as [{ id: string }];
      const copied = await manager.query<Array<{ section_id: string }>>(
        `INSERT INTO plan_draft_sections
           (draft_id, section_id, position, title, theme, review_status, source_updates)
         SELECT $1, s.id, s.position, s.title, s.theme, s.review_status,
                ARRAY(SELECT d.snapshot FROM section_documents d WHERE d.section_id = s.id)
                  || ARRAY(SELECT u.update FROM section_updates u WHERE u.section_id = s.id ORDER BY u.seq)
           FROM sections s
          WHERE s.plan_id = $2
         RETURNING section_id`,
        [id, planId],
      );
      await manager.query('UPDATE plan_drafts SET sections_total = $2 WHERE id = $1', [
        id,
        copied.length,
      ]);
      await this.audit.record(
        {
          action: 'draft.requested',
          entityType: 'plan',
          entityId: planId,
          footprintId: planAccess.footprint.id,
          details: { draftId: id, label },
        },
        context,
        manager,
      );
      return { draftId: id, created: true };
    });
    // Queued after the commit, and again on a repeated request: the job id makes a second add a
    // no-op, and it mends a request whose process stopped between the commit and the queue.
    const draft = await this.summary(draftId);
    await this.enqueue(draftId);
    return { draft, created };
  }

  private async enqueue(draftId: string): Promise<void> {
    await this.queues.add(
      JobName.DraftGenerate,
      { draftId },
      {
        jobId: draftJobId(draftId),
        attempts: this.config.drafts.jobAttempts,
        backoff: { type: 'exponential', delay: this.config.drafts.retryDelayMs },
      },
    );
  }

  async summary(draftId: string): Promise<DraftSummary> {
    const draft = await this.drafts.findOne({
      where: { id: draftId },
      relations: { requestedBy: true },
    });
    if (!draft) throw draftError(DraftErrorCode.DraftNotFound);
    return toDraftSummary(draft);
  }

  async list(planAccess: PlanAccess): Promise<DraftSummary[]> {
    const drafts = await this.drafts.find({
      where: { planId: planAccess.plan.id },
      relations: { requestedBy: true },
      order: { number: 'DESC' },
    });
    return drafts.map(toDraftSummary);
  }

  /** Loads a draft with the plan it belongs to, checking the person may act on that plan. */
  async load(
    auth: AuthContext,
    draftId: string,
    action: 'draft.read' | 'draft.generate' | 'draft.compare',
  ): Promise<{ draft: PlanDraft; planAccess: PlanAccess }> {
    const draft = await this.drafts.findOne({
      where: { id: draftId },
      relations: { requestedBy: true },
    });
    if (!draft) throw draftError(DraftErrorCode.DraftNotFound);
    const planAccess = await this.plans.load(auth, draft.planId, action).catch((error: unknown) => {
      // A draft of a plan the person cannot see does not exist for them.
      if ((error as { status?: number }).status === 404)
        throw draftError(DraftErrorCode.DraftNotFound);
      throw error;
    });
    return { draft, planAccess };
  }

  async view(draft: PlanDraft, planAccess: PlanAccess): Promise<DraftView> {
    const sections = draft.status === 'ready' ? await this.contents.renderedSections(draft.id) : [];
    return {
      ...toDraftSummary(draft),
      planTitle: planAccess.plan.title,
      sections: sections.map(toDraftSectionView),
    };
  }

  /** Puts a failed draft back in the queue, on the same job, with its tries counted afresh. */
  async retry(
    draft: PlanDraft,
    planAccess: PlanAccess,
    context: RequestContext,
  ): Promise<DraftSummary> {
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query<Array<{ status: string }>>(
        'SELECT status FROM plan_drafts WHERE id = $1 FOR UPDATE',
        [draft.id],
      );
      if (current?.status !== 'failed') throw draftError(DraftErrorCode.NotFailed);
      await manager.query(
        `UPDATE plan_drafts SET status = 'queued', failure_reason = NULL, sections_done = 0 WHERE id = $1`,
        [draft.id],
      );
      await this.audit.record(
        {
          action: 'draft.retried',
          entityType: 'plan',
          entityId: draft.planId,
          footprintId: planAccess.footprint.id,
          details: { draftId: draft.id, number: draft.number },
        },
        context,
        manager,
      );
    });
    const job = await this.queues.queue(QueueName.Drafts).getJob(draftJobId(draft.id));
    if (job && (await job.isFailed()))
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    else if (!job) await this.enqueue(draft.id);
    return this.summary(draft.id);
  }

  /** What changed from one ready draft of a plan to another. */
  async compare(planAccess: PlanAccess, fromId: string, toId: string): Promise<DraftComparison> {
    const [from, to] = await Promise.all(
      [fromId, toId].map((id) =>
        this.drafts.findOne({ where: { id }, relations: { requestedBy: true } }),
      ),
    );
    if (!from || !to) throw draftError(DraftErrorCode.DraftNotFound);
    if (from.planId !== planAccess.plan.id || to.planId !== planAccess.plan.id)
      throw draftError(DraftErrorCode.OtherPlan);
    if (from.status !== 'ready' || to.status !== 'ready') throw draftError(DraftErrorCode.NotReady);
    const diff = await this.contents.diff(from.id, to.id);
    return {
      from: toDraftSummary(from),
      to: toDraftSummary(to),
      summary: diff.summary,
      sections: diff.sections,
    };
  }
}
