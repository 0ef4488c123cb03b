import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ConsultationResponseView, ConsultationView, Page } from '@commonplan/domain';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { uuidParam } from '../common/params.js';
import type { RequestContext } from '../common/request-context.js';
import { PlansService } from '../plans/plans.service.js';
import { ConsultationModerationService } from './consultation-moderation.service.js';
import { ConsultationService } from './consultation.service.js';
import {
  DecideResponseDto,
  ListResponsesQuery,
  ResponseFilterQuery,
  SetConsultationDatesDto,
} from './dto/consultation.dto.js';

/** The lead's side of a plan's consultation: dates, responses, decisions, export. */
@ApiTags('consultation')
@Controller('plans/:planId/consultation')
export class ConsultationController {
  constructor(
    private readonly consultations: ConsultationService,
    private readonly moderation: ConsultationModerationService,
    private readonly plans: PlansService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The plan's consultation: dates, state, counts per section (leads)" })
  async view(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
  ): Promise<ConsultationView> {
    return this.consultations.view(await this.plans.load(auth, planId, 'consultation.manage'));
  }

  @Put()
  @ApiOperation({
    summary:
      'Open the consultation on the latest publication, or change its dates (reopens one closed early); 409 when unpublished',
  })
  async setDates(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: SetConsultationDatesDto,
    @ReqContext() context: RequestContext,
  ): Promise<ConsultationView> {
    const planAccess = await this.plans.load(auth, planId, 'consultation.manage');
    return this.consultations.setDates(planAccess, body.opensOn, body.closesOn, context);
  }

  @Post('close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the consultation now, before its closing date (leads)' })
  async close(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @ReqContext() context: RequestContext,
  ): Promise<ConsultationView> {
    return this.consultations.close(
      await this.plans.load(auth, planId, 'consultation.manage'),
      context,
    );
  }

  @Get('responses')
  @ApiOperation({ summary: 'Responses, pending first, filtered by status and section (leads)' })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() query: ListResponsesQuery,
  ): Promise<Page<ConsultationResponseView>> {
    return this.moderation.list(
      await this.plans.load(auth, planId, 'consultation.manage'),
      { status: query.status, section: query.section },
      { page: query.page, pageSize: query.pageSize },
    );
  }

  @Get('responses.csv')
  @ApiOperation({ summary: 'Responses as CSV (UTF-8 with BOM), filtered like the list (leads)' })
  async csv(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() query: ResponseFilterQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const planAccess = await this.plans.load(auth, planId, 'consultation.manage');
    const csv = await this.moderation.csv(planAccess, query);
    // Set only once it is certain to be CSV: an error before this point is JSON, as everywhere.
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    const name = `${planAccess.plan.slug}-consultation${query.status ? `-${query.status}` : ''}.csv`;
    response.setHeader('content-disposition', `attachment; filename="${name}"`);
    response.setHeader('cache-control', 'no-store');
    return csv;
  }

  @Post('responses/:responseId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept or reject a response (leads); audited' })
  async decide(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('responseId', uuidParam('responseId')) responseId: string,
    @Body() body: DecideResponseDto,
    @ReqContext() context: RequestContext,
  ): Promise<ConsultationResponseView> {
    return this.moderation.decide(
      await this.plans.load(auth, planId, 'consultation.manage'),
      responseId,
      body.decision,
      context,
    );
  }
}
