import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  consultationResponseStatuses,
  consultationStateAt,
  isCalendarDate,
  type ConsultationDates,
  type ConsultationResponseStatus,
  type ConsultationSectionCount,
  type ConsultationView,
  type DashboardConsultation,
  type PublicConsultationView,
} from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { PlanAccess } from '../plans/plans.service.js';
import { consultationError, ConsultationErrorCode } from './consultation.errors.js';
import { ConsultationFormTokens } from './consultation-form-tokens.js';
import { PlanConsultation } from './plan-consultation.entity.js';

/** A plan's latest publication and the sections of its draft, in order. */
export interface CurrentPublication {
  id: string;
  number: number;
  publishedAt: Date;
  sections: Array<{ id: string; title: string }>;
}

/** A published plan found by its public address. */
export interface PublishedPlan {
  planId: string;
  planTitle: string;
  planSlug: string;
  footprintId: string;
  footprintName: string;
  footprintSlug: string;
  publication: CurrentPublication;
  consultation: PlanConsultation | null;
}

function toDates(consultation: PlanConsultation, now = new Date()): ConsultationDates {
  return {
    opensOn: consultation.opensOn,
    closesOn: consultation.closesOn,
    closedEarlyAt: consultation.closedEarlyAt?.toISOString() ?? null,
    state: consultationStateAt(consultation, now),
  };
}

/**
 * A plan's consultation: its dates (set, changed and closed early by leads), what the public form
 * shows, and the counts of responses per section for the lead's page and the dashboard.
 */
@Injectable()
export class ConsultationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly formTokens: ConsultationFormTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async currentPublication(planId: string): Promise<CurrentPublication | null> {
    const [publication] = await this.dataSource.query<
      Array<{ id: string; number: number; published_at: Date; draft_id: string }>
    >(
      `SELECT id, number, published_at, draft_id FROM plan_publications
        WHERE plan_id = $1 ORDER BY number DESC LIMIT 1`,
      [planId],
    );
    if (!publication) return null;
    const sections = await this.dataSource.query<Array<{ section_id: string; title: string }>>(
      `SELECT section_id, title FROM plan_draft_sections
        WHERE draft_id = $1 ORDER BY position, section_id`,
      [publication.draft_id],
    );
    return {
      id: publication.id,
      number: publication.number,
      publishedAt: publication.published_at,
      sections: sections.map((s) => ({ id: s.section_id, title: s.title })),
    };
  }

  private consultationOf(planId: string): Promise<PlanConsultation | null> {
    return this.dataSource.getRepository(PlanConsultation).findOne({ where: { planId } });
  }

  /** A published plan by its public address; anything else (unknown, unpublished) is 404. */
  async publishedPlan(footprintSlug: string, planSlug: string): Promise<PublishedPlan> {
    const [plan] = await this.dataSource.query<
      Array<{
        plan_id: string;
        title: string;
        slug: string;
        footprint_id: string;
        footprint_name: string;
        footprint_slug: string;
      }>
    >(
      `SELECT p.id AS plan_id, p.title, p.slug, f.id AS footprint_id, f.name AS footprint_name,
              f.slug AS footprint_slug
         FROM plans p JOIN footprints f ON f.id = p.footprint_id
        WHERE f.slug = $1 AND p.slug = $2`,
      [footprintSlug, planSlug],
    );
    if (!plan) throw consultationError(ConsultationErrorCode.NotFound);
    const publication = await this.currentPublication(plan.plan_id);
    if (!publication) throw consultationError(ConsultationErrorCode.NotFound);
    return {
      planId: plan.plan_id,
      planTitle: plan.title,
      planSlug: plan.slug,
      footprintId: plan.footprint_id,
      footprintName: plan.footprint_name,
      footprintSlug: plan.footprint_slug,
      publication,
      consultation: await this.consultationOf(plan.plan_id),
    };
  }

  async publicView(footprintSlug: string, planSlug: string): Promise<PublicConsultationView> {
    const published = await this.publishedPlan(footprintSlug, planSlug);
    return {
      footprint: { name: published.footprintName, slug: published.footprintSlug },
      plan: { title: published.planTitle, slug: published.planSlug },
      publication: {
        number: published.publication.number,
        publishedAt: published.publication.publishedAt.toISOString(),
      },
      consultation: published.consultation ? toDates(published.consultation) : null,
      sections: published.publication.sections,
      formToken: await this.formTokens.sign(published.planId, new Date()),
      contactRetentionDays: this.config.consultation.contactRetentionDays,
    };
  }

  async view(planAccess: PlanAccess): Promise<ConsultationView> {
    const plan = planAccess.plan;
    const [publication, consultation] = await Promise.all([
      this.currentPublication(plan.id),
      this.consultationOf(plan.id),
    ]);
    const totals = Object.fromEntries(
      consultationResponseStatuses.map((status) => [status, 0]),
    ) as Record<ConsultationResponseStatus, number>;
    const rows = await this.dataSource.query<
      Array<{ status: ConsultationResponseStatus; count: string }>
    >('SELECT status, count(*) FROM consultation_responses WHERE plan_id = $1 GROUP BY status', [
      plan.id,
    ]);
    for (const row of rows) totals[row.status] = Number(row.count);
    return {
      planId: plan.id,
      publication: publication
        ? {
            id: publication.id,
            number: publication.number,
            publishedAt: publication.publishedAt.toISOString(),
          }
        : null,
      consultation: consultation
        ? {
            ...toDates(consultation),
            publicPath: `/public/${planAccess.footprint.slug}/${plan.slug}/respond`,
          }
        : null,
      sections: publication?.sections ?? [],
      totals,
      bySection: await this.countsBySection(plan.id, publication),
    };
  }

  /** Accepted and pending responses per section: the whole draft first, then the sections in order. */
  async countsBySection(
    planId: string,
    publication: CurrentPublication | null,
  ): Promise<ConsultationSectionCount[]> {
    const rows = await this.dataSource.query<
      Array<{ section_id: string | null; title: string | null; accepted: string; pending: string }>
    >(
      `SELECT section_id, max(section_title) AS title,
              count(*) FILTER (WHERE status = 'accepted') AS accepted,
              count(*) FILTER (WHERE status = 'pending') AS pending
         FROM consultation_responses
        WHERE plan_id = $1 AND status IN ('accepted', 'pending')
        GROUP BY section_id`,
      [planId],
    );
    const counted = new Map(rows.map((row) => [row.section_id, row]));
    const entry = (sectionId: string | null, title: string): ConsultationSectionCount => {
      const row = counted.get(sectionId);
      counted.delete(sectionId);
      return {
        sectionId,
        title,
        accepted: Number(row?.accepted ?? 0),
        pending: Number(row?.pending ?? 0),
      };
    };
    const result = [
      entry(null, 'The whole draft'),
      ...(publication?.sections ?? []).map((s) => entry(s.id, s.title)),
    ];
    // Sections of an earlier publication that the latest no longer has.
    for (const row of [...counted.values()])
      result.push(entry(row.section_id, row.title ?? 'A section no longer in the plan'));
    return result;
  }

  async dashboard(planId: string): Promise<DashboardConsultation | null> {
    const consultation = await this.consultationOf(planId);
    if (!consultation) return null;
    const bySection = await this.countsBySection(planId, await this.currentPublication(planId));
    const dates = toDates(consultation);
    return {
      opensOn: dates.opensOn,
      closesOn: dates.closesOn,
      state: dates.state,
      accepted: bySection.reduce((sum, s) => sum + s.accepted, 0),
      pending: bySection.reduce((sum, s) => sum + s.pending, 0),
      bySection,
    };
  }

  /** Opens the plan's consultation, or changes its dates (which reopens one closed early). */
  async setDates(
    planAccess: PlanAccess,
    opensOn: string,
    closesOn: string,
    context: RequestContext,
  ): Promise<ConsultationView> {
    if (!isCalendarDate(opensOn))
      throw consultationError(ConsultationErrorCode.InvalidDates, {
        message: 'Enter the opening date as a real date, YYYY-MM-DD.',
        field: 'opensOn',
      });
    if (!isCalendarDate(closesOn))
      throw consultationError(ConsultationErrorCode.InvalidDates, {
        message: 'Enter the closing date as a real date, YYYY-MM-DD.',
        field: 'closesOn',
      });
    if (closesOn < opensOn)
      throw consultationError(ConsultationErrorCode.InvalidDates, {
        message: 'The closing date must be the same as or after the opening date.',
        field: 'closesOn',
      });
    const plan = planAccess.plan;
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [plan.id]);
      const [publication] = await manager.query<Array<{ id: string; number: number }>>(
        'SELECT id, number FROM plan_publications WHERE plan_id = $1 ORDER BY number DESC LIMIT 1',
        [plan.id],
      );
      if (!publication) throw consultationError(ConsultationErrorCode.PlanNotPublished);
      const repository = manager.getRepository(PlanConsultation);
      const existing = await repository.findOne({ where: { planId: plan.id } });
      if (existing) {
        await repository.update(existing.id, { opensOn, closesOn, closedEarlyAt: null });
      } else {
        await repository.insert({
          planId: plan.id,
          opensOn,
          closesOn,
          openedById: context.auth?.user.id ?? null,
        });
      }
      await this.audit.record(
        {
          action: existing ? 'consultation.dates_changed' : 'consultation.opened',
          entityType: 'plan',
          entityId: plan.id,
          footprintId: planAccess.footprint.id,
          details: {
            opensOn,
            closesOn,
            publicationNumber: publication.number,
            ...(existing
              ? {
                  from: {
                    opensOn: existing.opensOn,
                    closesOn: existing.closesOn,
                    closedEarly: existing.closedEarlyAt !== null,
                  },
                }
              : {}),
          },
        },
        context,
        manager,
      );
    });
    return this.view(planAccess);
  }

  /** Stops taking responses now, before the closing date. */
  async close(planAccess: PlanAccess, context: RequestContext): Promise<ConsultationView> {
    const plan = planAccess.plan;
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(PlanConsultation);
      const consultation = await repository.findOne({
        where: { planId: plan.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!consultation) throw consultationError(ConsultationErrorCode.NoConsultation);
      if (consultationStateAt(consultation, new Date()) === 'closed')
        throw consultationError(ConsultationErrorCode.Closed, {
          message: 'The consultation is already closed.',
        });
      await repository.update(consultation.id, { closedEarlyAt: new Date() });
      await this.audit.record(
        {
          action: 'consultation.closed',
          entityType: 'plan',
          entityId: plan.id,
          footprintId: planAccess.footprint.id,
          details: { opensOn: consultation.opensOn, closesOn: consultation.closesOn },
        },
        context,
        manager,
      );
    });
    return this.view(planAccess);
  }
}
