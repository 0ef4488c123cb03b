import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicationSummary } from '@commonplan/domain';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { uuidParam } from '../common/params.js';
import type { RequestContext } from '../common/request-context.js';
import { PlansService } from '../plans/plans.service.js';
import { PublishingService } from './publishing.service.js';

@ApiTags('publishing')
@Controller()
export class PublishingController {
  constructor(
    private readonly publishing: PublishingService,
    private readonly plans: PlansService,
  ) {}

  @Post('drafts/:draftId/publish')
  @ApiOperation({
    summary:
      "Publish a ready draft as the plan's next publication (leads): 201 the first time, 200 with the same publication after; 409 unless the draft is ready",
  })
  async publish(
    @CurrentAuth() auth: AuthContext,
    @Param('draftId', uuidParam('draftId')) draftId: string,
    @ReqContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublicationSummary> {
    const { draft, planAccess } = await this.publishing.loadForPublishing(auth, draftId);
    const { publication, created } = await this.publishing.publish(draft, planAccess, context);
    response.status(created ? 201 : 200);
    return publication;
  }

  @Get('plans/:planId/publications')
  @ApiOperation({ summary: "The plan's publications, newest first (members who read drafts)" })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
  ): Promise<PublicationSummary[]> {
    return this.publishing.list(await this.plans.load(auth, planId, 'draft.read'));
  }
}
