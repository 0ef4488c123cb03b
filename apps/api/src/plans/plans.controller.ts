import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, PlanSummary, PlanView } from '@commonplan/domain';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { PaginationQuery } from '../common/pagination.dto.js';
import { uuidParam } from '../common/params.js';
import type { RequestContext } from '../common/request-context.js';
import { FootprintAccessService } from '../footprints/footprint-access.service.js';
import { ChangePlanStatusDto, CreatePlanDto, UpdatePlanDto } from './dto/plan.dto.js';
import { PlansService } from './plans.service.js';

@ApiTags('plans')
@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly access: FootprintAccessService,
  ) {}

  @Get('footprints/:slug/plans')
  @ApiOperation({ summary: "The footprint's plans" })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Query() query: PaginationQuery,
  ): Promise<Page<PlanSummary>> {
    return this.plans.list(await this.access.bySlug(auth, slug, 'plan.read'), query);
  }

  @Post('footprints/:slug/plans')
  @ApiOperation({ summary: 'Start a plan (leads)' })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Body() body: CreatePlanDto,
    @ReqContext() context: RequestContext,
  ): Promise<PlanView> {
    return this.plans.create(await this.access.bySlug(auth, slug, 'plan.create'), body, context);
  }

  @Get('plans/:planId')
  @ApiOperation({ summary: 'A plan, with what I may do with it' })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
  ): Promise<PlanView> {
    return this.plans.view(await this.plans.load(auth, planId));
  }

  @Patch('plans/:planId')
  @ApiOperation({ summary: "Change a plan's title, kind or period (leads)" })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: UpdatePlanDto,
    @ReqContext() context: RequestContext,
  ): Promise<PlanView> {
    return this.plans.update(await this.plans.load(auth, planId, 'plan.update'), body, context);
  }

  @Post('plans/:planId/status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a plan to its next status (leads); 409 when the move is not allowed',
  })
  async changeStatus(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: ChangePlanStatusDto,
    @ReqContext() context: RequestContext,
  ): Promise<PlanView> {
    return this.plans.changeStatus(
      await this.plans.load(auth, planId, 'plan.changeStatus'),
      body.status,
      context,
    );
  }
}
