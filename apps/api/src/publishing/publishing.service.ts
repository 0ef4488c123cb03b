import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { PublicationSummary } from '@commonplan/domain';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import type { RequestContext } from '../common/request-context.js';
import { PlanDraft } from '../drafts/plan-draft.entity.js';
import { PlansService, type PlanAccess } from '../plans/plans.service.js';
import { PlanPublication } from './plan-publication.entity.js';
import { publicPlanPath, toPublicationSummary } from './publication.view.js';
import { publishingError, PublishingErrorCode } from './publishing.errors.js';

/** Publishing a ready draft of a plan, and the list of a plan's publications for its members. */
@Injectable()
export class PublishingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(PlanDraft) private readonly drafts: Repository<PlanDraft>,
    @InjectRepository(PlanPublication) private readonly publications: Repository<PlanPublication>,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
  ) {}

  /** Loads a draft with its plan, checking the person may publish it; otherwise it does not exist for them. */
  async loadForPublishing(
    auth: AuthContext,
    draftId: string,
  ): Promise<{ draft: PlanDraft; planAccess: PlanAccess }> {
    const draft = await this.drafts.findOne({ where: { id: draftId } });
    if (!draft) throw publishingError(PublishingErrorCode.DraftNotFound);
    const planAccess = await this.plans
      .load(auth, draft.planId, 'draft.publish')
      .catch((error: unknown) => {
        if ((error as { status?: number }).status === 404)
          throw publishingError(PublishingErrorCode.DraftNotFound);
        throw error;
      });
    return { draft, planAccess };
  }

  /**
   * Publishes a ready draft as the plan's next publication. The plan's row is locked so numbers are
   * given out one at a time; a draft already published gives back its publication unchanged.
   */
  async publish(
    draft: PlanDraft,
    planAccess: PlanAccess,
    context: RequestContext,
  ): Promise<{ publication: PublicationSummary; created: boolean }> {
    const planId = planAccess.plan.id;
    const { publicationId, created } = await this.dataSource.transaction(async (manager) => {
      const [plan] = await manager.query<Array<{ title: string }>>(
        'SELECT title FROM plans WHERE id = $1 FOR UPDATE',
        [planId],
      );
      const existing = await manager.findOne(PlanPublication, { where: { draftId: draft.id } });
      if (existing) return { publicationId: existing.id, created: false };
      const [current] = await manager.query<Array<{ status: string }>>(
        'SELECT status FROM plan_drafts WHERE id = $1',
        [draft.id],
      );
      if (current?.status !== 'ready') throw publishingError(PublishingErrorCode.DraftNotReady);
      const [{ id, number }] = (await manager.query<Array<{ id: string; number: number }>>(
        `INSERT INTO plan_publications (plan_id, draft_id, number, published_by, plan_title)
         VALUES ($1, $2, (SELECT COALESCE(MAX(number), 0) + 1 FROM plan_publications WHERE plan_id = $1), $3, $4)
         RETURNING id, number`,
        [planId, draft.id, context.auth?.user.id ?? null, plan?.title ?? planAccess.plan.title],
      )) as [{ id: string; number: number }];
      await this.audit.record(
        {
          action: 'plan.published',
          entityType: 'plan',
          entityId: planId,
          footprintId: planAccess.footprint.id,
          details: { draftId: draft.id, draftNumber: draft.number, publicationNumber: number },
        },
        context,
        manager,
      );
      return { publicationId: id, created: true };
    });
    const publication = await this.publications.findOneOrFail({
      where: { id: publicationId },
      relations: { publishedBy: true },
    });
    return {
      publication: toPublicationSummary(publication, draft.number, this.publicPath(planAccess)),
      created,
    };
  }

  /** The plan's publications, newest first. */
  async list(planAccess: PlanAccess): Promise<PublicationSummary[]> {
    const publications = await this.publications.find({
      where: { planId: planAccess.plan.id },
      relations: { publishedBy: true, draft: true },
      order: { number: 'DESC' },
    });
    const publicPath = this.publicPath(planAccess);
    return publications.map((publication) =>
      toPublicationSummary(publication, publication.draft.number, publicPath),
    );
  }

  private publicPath(planAccess: PlanAccess): string {
    return publicPlanPath(planAccess.footprint.slug, planAccess.plan.slug);
  }
}
