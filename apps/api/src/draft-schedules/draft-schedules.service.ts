import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DraftScheduleResponse, DraftScheduleView } from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import type { PlanAccess } from '../plans/plans.service.js';
import { nextScheduledRun } from './draft-schedule-slots.js';
import { DraftSchedule } from './draft-schedule.entity.js';
import { toDraftScheduleView } from './draft-schedule.view.js';
import type { DraftScheduleDto } from './dto/draft-schedule.dto.js';

/** A plan's draft schedule as leads set it; the worker runs it (`DraftSchedulesRunJob`). */
@Injectable()
export class DraftSchedulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(planAccess: PlanAccess): Promise<DraftScheduleResponse> {
    const schedule = await this.dataSource
      .getRepository(DraftSchedule)
      .findOne({ where: { planId: planAccess.plan.id } });
    return { schedule: schedule ? toDraftScheduleView(schedule) : null };
  }

  /** Sets the schedule; its next run is worked out afresh from now. */
  async put(
    planAccess: PlanAccess,
    body: DraftScheduleDto,
    context: RequestContext,
    now = new Date(),
  ): Promise<DraftScheduleView> {
    const planId = planAccess.plan.id;
    const days = [...new Set(body.days)];
    const nextRunAt = body.enabled ? nextScheduledRun({ days, time: body.time }, now) : null;
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(DraftSchedule).upsert(
        {
          planId,
          days,
          timeOfDay: body.time,
          onlyIfChanged: body.onlyIfChanged,
          enabled: body.enabled,
          labelPattern: body.labelPattern,
          nextRunAt,
          updatedById: context.auth?.user.id ?? null,
        },
        ['planId'],
      );
      await this.audit.record(
        {
          action: 'draft.schedule_set',
          entityType: 'plan',
          entityId: planId,
          footprintId: planAccess.footprint.id,
          details: {
            days,
            time: body.time,
            onlyIfChanged: body.onlyIfChanged,
            enabled: body.enabled,
            labelPattern: body.labelPattern,
          },
        },
        context,
        manager,
      );
    });
    const saved = await this.dataSource
      .getRepository(DraftSchedule)
      .findOneOrFail({ where: { planId } });
    return toDraftScheduleView(saved);
  }

  /** Removes the schedule; removing one that is not there is not an error. */
  async remove(planAccess: PlanAccess, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(DraftSchedule)
        .delete({ planId: planAccess.plan.id });
      if (!result.affected) return;
      await this.audit.record(
        {
          action: 'draft.schedule_removed',
          entityType: 'plan',
          entityId: planAccess.plan.id,
          footprintId: planAccess.footprint.id,
        },
        context,
        manager,
      );
    });
  }
}
