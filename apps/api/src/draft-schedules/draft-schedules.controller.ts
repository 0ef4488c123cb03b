import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DraftScheduleResponse, DraftScheduleView } from '@commonplan/domain';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { uuidParam } from '../common/params.js';
import type { RequestContext } from '../common/request-context.js';
import { PlansService } from '../plans/plans.service.js';
import { DraftScheduleDto } from './dto/draft-schedule.dto.js';
import { DraftSchedulesService } from './draft-schedules.service.js';

@ApiTags('drafts')
@Controller('plans/:planId/draft-schedule')
export class DraftSchedulesController {
  constructor(
    private readonly schedules: DraftSchedulesService,
    private readonly plans: PlansService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The plan's draft schedule, or null when it has none" })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
  ): Promise<DraftScheduleResponse> {
    return this.schedules.get(await this.plans.load(auth, planId, 'draft.read'));
  }

  @Put()
  @ApiOperation({
    summary: 'Set when drafts of the plan are made on their own (leads); answers with the next run',
  })
  async put(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: DraftScheduleDto,
    @ReqContext() context: RequestContext,
  ): Promise<DraftScheduleView> {
    return this.schedules.put(await this.plans.load(auth, planId, 'draft.generate'), body, context);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: "Remove the plan's draft schedule (leads)" })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @ReqContext() context: RequestContext,
  ): Promise<void> {
    await this.schedules.remove(await this.plans.load(auth, planId, 'draft.generate'), context);
  }
}
