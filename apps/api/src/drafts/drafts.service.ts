import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  DraftComparison,
  DraftSectionText,
  DraftSummary,
  DraftView,
} from '@commonplan/domain';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import type { RequestContext } from '../common/request-context.js';
import { QueueName } from '../jobs/job-names.js';
import { QueueService } from '../jobs/queue.service.js';
import { PlansService, type PlanAccess } from '../plans/plans.service.js';
import { DraftContents } from './draft-contents.service.js';
import { draftJobId } from './draft-generate.payload.js';
import { DraftQueue } from './draft-queue.js';
import { recordDraft } from './draft-records.js';
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
    private readonly draftQueue: DraftQueue,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records a draft as `queued` with a copy of every section's text, then queues its job. Refused
   * whole (503, nothing recorded) while the job queue does not answer.
   */
  async request(
    planAccess: PlanAccess,
    label: string,
    requestKey: string | null,
    context: RequestContext,
  ): Promise<{ draft: DraftSummary; created: boolean }> {
    await this.queues.assertReachable();
    const { draftId, created } = await this.dataSource.transaction((manager) =>
      recordDraft(
        manager,
        this.audit,
        {
          planId: planAccess.plan.id,
          footprintId: planAccess.footprint.id,
          label,
          requestedBy: context.auth?.user.id ?? null,
          requestKey,
        },
        context,
      ),
    );
    // Queued after the commit, and again on a repeated request: the job id makes a second add a
    // no-op, and it mends a request whose process stopped between the commit and the queue.
    const draft = await this.summary(draftId);
    await this.queues.enqueueRecorded({ draftId }, () => this.draftQueue.enqueue(draftId));
    return { draft, created };
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
    action: 'draft.read' | 'draft.generate' | 'draft.compare' | 'section.editText',
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

  /**
   * One section's text as a ready draft holds it, for the editor to restore: 409 until the draft is
   * ready, 404 when the section is not in it (added since).
   */
  async sectionText(draft: PlanDraft, sectionId: string): Promise<DraftSectionText> {
    if (draft.status !== 'ready') throw draftError(DraftErrorCode.TextNotReady);
    const section = await this.contents.sectionText(draft.id, sectionId);
    if (!section?.content) throw draftError(DraftErrorCode.SectionNotInDraft);
    return {
      draftId: draft.id,
      draftNumber: draft.number,
      draftLabel: draft.label,
      requestedAt: draft.requestedAt.toISOString(),
      sectionId: section.sectionId,
      title: section.title,
      content: section.content,
    };
  }

  /**
   * Records that someone put a draft's text of a section back in the editor. The restore itself is
   * an edit the section's update log keeps like any typing; this says where the text came from.
   */
  async recordRestore(
    draft: PlanDraft,
    planAccess: PlanAccess,
    sectionId: string,
    context: RequestContext,
  ): Promise<void> {
    const text = await this.sectionText(draft, sectionId);
    await this.audit.record(
      {
        action: 'section.text_restored',
        entityType: 'section',
        entityId: sectionId,
        footprintId: planAccess.footprint.id,
        details: {
          title: text.title,
          planId: draft.planId,
          draftId: draft.id,
          draftNumber: draft.number,
        },
      },
      context,
    );
  }

  /**
   * Puts a failed draft back in the queue, with its tries counted afresh: on the same job, or on a
   * new one when its job is gone (removed after failing, or lost with Redis's data). While the job
   * queue does not answer the retry is refused and the draft stays failed as it was.
   */
  async retry(
    draft: PlanDraft,
    planAccess: PlanAccess,
    context: RequestContext,
  ): Promise<DraftSummary> {
    await this.queues.assertReachable();
    const failureReason = await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query<
        Array<{ status: string; failure_reason: string | null }>
      >('SELECT status, failure_reason FROM plan_drafts WHERE id = $1 FOR UPDATE', [draft.id]);
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
      return current.failure_reason;
    });
    try {
      await this.queues.requeue(QueueName.Drafts, draftJobId(draft.id), () =>
        this.draftQueue.enqueue(draft.id),
      );
    } catch (error) {
      // Redis went away after the check: put the draft back as it was, so it is not left queued
      // with no job (its failed job would never run again by itself).
      await this.dataSource.query(
        `UPDATE plan_drafts SET status = 'failed', failure_reason = $2 WHERE id = $1 AND status = 'queued'`,
        [draft.id, failureReason],
      );
      throw error;
    }
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
