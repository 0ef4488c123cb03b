import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  canMovePlan,
  isPlanPeriod,
  slugify,
  type FootprintAction,
  type Page,
  type PlanStatus,
  type PlanSummary,
  type PlanView,
} from '@commonplan/domain';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { commonError, CommonErrorCode } from '../common/common.errors.js';
import type { RequestContext } from '../common/request-context.js';
import {
  FootprintAccessService,
  type FootprintAccess,
} from '../footprints/footprint-access.service.js';
import type { CreatePlanDto, UpdatePlanDto } from './dto/plan.dto.js';
import { Plan } from './plan.entity.js';
import { planError, PlanErrorCode } from './plans.errors.js';

export interface PlanAccess extends FootprintAccess {
  plan: Plan;
}

/** Plans: creating them, their details and their status. */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    private readonly access: FootprintAccessService,
    private readonly audit: AuditService,
  ) {}

  /** Loads a plan the person may act on; a plan in a footprint they cannot see is simply not found. */
  async load(
    auth: AuthContext,
    planId: string,
    action: FootprintAction = 'plan.read',
  ): Promise<PlanAccess> {
    const plan = await this.plans.findOne({
      where: { id: planId },
      relations: { footprint: true },
    });
    if (!plan) throw planError(PlanErrorCode.PlanNotFound);
    const access = await this.access.check(
      auth,
      plan.footprint,
      action,
      planError(PlanErrorCode.PlanNotFound),
    );
    return { ...access, plan };
  }

  private async sectionCount(planId: string): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ count: string }>>(
      'SELECT count(*) FROM sections WHERE plan_id = $1',
      [planId],
    );
    return Number(row?.count ?? 0);
  }

  private toSummary(plan: Plan, sectionCount: number): PlanSummary {
    return {
      id: plan.id,
      footprintId: plan.footprintId,
      footprintSlug: plan.footprint.slug,
      title: plan.title,
      slug: plan.slug,
      kind: plan.kind,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      status: plan.status,
      sectionCount,
      updatedAt: plan.updatedAt.toISOString(),
    };
  }

  async list(
    access: FootprintAccess,
    paging: { page: number; pageSize: number },
  ): Promise<Page<PlanSummary>> {
    const [plans, total] = await this.plans.findAndCount({
      where: { footprintId: access.footprint.id },
      order: { updatedAt: 'DESC' },
      skip: (paging.page - 1) * paging.pageSize,
      take: paging.pageSize,
    });
    const counts = new Map<string, number>();
    if (plans.length > 0) {
      const rows = await this.dataSource.query<Array<{ plan_id: string; count: string }>>(
        'SELECT plan_id, count(*) FROM sections WHERE plan_id = ANY($1) GROUP BY plan_id',
        [plans.map((p) => p.id)],
      );
      for (const row of rows) counts.set(row.plan_id, Number(row.count));
    }
    return {
      items: plans.map((plan) =>
        this.toSummary({ ...plan, footprint: access.footprint } as Plan, counts.get(plan.id) ?? 0),
      ),
      total,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }

  async view(planAccess: PlanAccess): Promise<PlanView> {
    return {
      ...this.toSummary(planAccess.plan, await this.sectionCount(planAccess.plan.id)),
      footprintName: planAccess.footprint.name,
      allowedActions: this.access.allowedActions(planAccess.actor),
    };
  }

  async create(
    access: FootprintAccess,
    input: CreatePlanDto,
    context: RequestContext,
  ): Promise<PlanView> {
    if (!isPlanPeriod(input.periodStart, input.periodEnd))
      throw planError(PlanErrorCode.InvalidPeriod, { field: 'periodEnd' });
    const slug = input.slug ?? slugify(input.title);
    if (!slug)
      throw commonError(CommonErrorCode.ValidationFailed, {
        message: 'title must contain letters or digits',
        field: 'title',
      });
    const plan = await this.dataSource.transaction(async (manager) => {
      if (await manager.exists(Plan, { where: { footprintId: access.footprint.id, slug } })) {
        throw planError(PlanErrorCode.SlugTaken, { field: input.slug ? 'slug' : 'title' });
      }
      const created = await manager.save(
        manager.create(Plan, {
          footprintId: access.footprint.id,
          title: input.title.trim(),
          slug,
          kind: input.kind,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          status: 'drafting',
        }),
      );
      await this.audit.record(
        {
          action: 'plan.created',
          entityType: 'plan',
          entityId: created.id,
          footprintId: access.footprint.id,
          details: { title: created.title },
        },
        context,
        manager,
      );
      return created;
    });
    return this.view({ ...access, plan: { ...plan, footprint: access.footprint } as Plan });
  }

  async update(
    planAccess: PlanAccess,
    input: UpdatePlanDto,
    context: RequestContext,
  ): Promise<PlanView> {
    const { plan } = planAccess;
    const periodStart = input.periodStart ?? plan.periodStart;
    const periodEnd = input.periodEnd ?? plan.periodEnd;
    if (!isPlanPeriod(periodStart, periodEnd))
      throw planError(PlanErrorCode.InvalidPeriod, {
        field: input.periodEnd ? 'periodEnd' : 'periodStart',
      });
    const changes: Partial<Plan> = {};
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.periodStart !== undefined) changes.periodStart = input.periodStart;
    if (input.periodEnd !== undefined) changes.periodEnd = input.periodEnd;
    if (Object.keys(changes).length > 0) {
      await this.dataSource.transaction(async (manager) => {
        await manager.update(Plan, { id: plan.id }, changes);
        await this.audit.record(
          {
            action: 'plan.updated',
            entityType: 'plan',
            entityId: plan.id,
            footprintId: plan.footprintId,
            details: { ...changes },
          },
          context,
          manager,
        );
      });
    }
    const updated = await this.plans.findOneOrFail({
      where: { id: plan.id },
      relations: { footprint: true },
    });
    return this.view({ ...planAccess, plan: updated });
  }

  /** Moves a plan along its life; the row is locked so two leads cannot both move it from one state. */
  async changeStatus(
    planAccess: PlanAccess,
    status: PlanStatus,
    context: RequestContext,
  ): Promise<PlanView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneOrFail(Plan, {
        where: { id: planAccess.plan.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!canMovePlan(current.status, status)) {
        throw planError(PlanErrorCode.InvalidTransition, {
          message: `A plan that is ${current.status} cannot move to ${status}.`,
          field: 'status',
        });
      }
      await manager.update(Plan, { id: current.id }, { status });
      await this.audit.record(
        {
          action: 'plan.status_changed',
          entityType: 'plan',
          entityId: current.id,
          footprintId: current.footprintId,
          details: { from: current.status, to: status },
        },
        context,
        manager,
      );
    });
    const updated = await this.plans.findOneOrFail({
      where: { id: planAccess.plan.id },
      relations: { footprint: true },
    });
    return this.view({ ...planAccess, plan: updated });
  }

  /** Marks the plan as changed, for lists ordered by recent activity. */
  async touch(planId: string, manager = this.dataSource.manager): Promise<void> {
    await manager.query('UPDATE plans SET updated_at = now() WHERE id = $1', [planId]);
  }
}
