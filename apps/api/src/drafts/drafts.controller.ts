import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  idempotencyKeyPattern,
  type DraftComparison,
  type DraftSectionText,
  type DraftSummary,
  type DraftView,
} from '@commonplan/domain';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { uuidParam } from '../common/params.js';
import type { RequestContext } from '../common/request-context.js';
import { PlansService } from '../plans/plans.service.js';
import { CompareDraftsQuery, RequestDraftDto } from './dto/request-draft.dto.js';
import { draftError, DraftErrorCode } from './drafts.errors.js';
import { DraftsService } from './drafts.service.js';

@ApiTags('drafts')
@Controller()
export class DraftsController {
  constructor(
    private readonly drafts: DraftsService,
    private readonly plans: PlansService,
  ) {}

  @Post('plans/:planId/drafts')
  @ApiOperation({
    summary:
      'Ask for a new draft of the plan (leads): 201 with the queued draft; 200 with the same draft when the Idempotency-Key was used before',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async request(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: RequestDraftDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @ReqContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DraftSummary> {
    if (idempotencyKey !== undefined && !idempotencyKeyPattern.test(idempotencyKey))
      throw draftError(DraftErrorCode.InvalidIdempotencyKey, { field: 'Idempotency-Key' });
    const planAccess = await this.plans.load(auth, planId, 'draft.generate');
    const { draft, created } = await this.drafts.request(
      planAccess,
      body.label,
      idempotencyKey ?? null,
      context,
    );
    response.status(created ? 201 : 200);
    return draft;
  }

  @Get('plans/:planId/drafts')
  @ApiOperation({ summary: "The plan's drafts, newest first" })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
  ): Promise<DraftSummary[]> {
    return this.drafts.list(await this.plans.load(auth, planId, 'draft.read'));
  }

  @Get('plans/:planId/drafts/compare')
  @ApiOperation({
    summary:
      'What changed from one ready draft to another (leads); 400 when a draft is of another plan',
  })
  async compare(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() query: CompareDraftsQuery,
  ): Promise<DraftComparison> {
    return this.drafts.compare(
      await this.plans.load(auth, planId, 'draft.compare'),
      query.from,
      query.to,
    );
  }

  @Get('drafts/:draftId')
  @ApiOperation({ summary: 'A draft with its sections, rendered (once ready)' })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('draftId', uuidParam('draftId')) draftId: string,
  ): Promise<DraftView> {
    const { draft, planAccess } = await this.drafts.load(auth, draftId, 'draft.read');
    return this.drafts.view(draft, planAccess);
  }

  @Get('drafts/:draftId/sections/:sectionId')
  @ApiOperation({
    summary:
      "One section's text as a ready draft holds it (ProseMirror JSON), to restore from; 409 until ready, 404 when the section is not in the draft",
  })
  async sectionText(
    @CurrentAuth() auth: AuthContext,
    @Param('draftId', uuidParam('draftId')) draftId: string,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
  ): Promise<DraftSectionText> {
    const { draft } = await this.drafts.load(auth, draftId, 'draft.read');
    return this.drafts.sectionText(draft, sectionId);
  }

  @Post('drafts/:draftId/sections/:sectionId/restored')
  @HttpCode(204)
  @ApiOperation({
    summary:
      "Record in the audit trail that the person restored this section's text from the draft in the editor (authors and leads)",
  })
  async restored(
    @CurrentAuth() auth: AuthContext,
    @Param('draftId', uuidParam('draftId')) draftId: string,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
    @ReqContext() context: RequestContext,
  ): Promise<void> {
    const { draft, planAccess } = await this.drafts.load(auth, draftId, 'section.editText');
    await this.drafts.recordRestore(draft, planAccess, sectionId, context);
  }

  @Post('drafts/:draftId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Try a failed draft again (leads); 409 unless it failed' })
  async retry(
    @CurrentAuth() auth: AuthContext,
    @Param('draftId', uuidParam('draftId')) draftId: string,
    @ReqContext() context: RequestContext,
  ): Promise<DraftSummary> {
    const { draft, planAccess } = await this.drafts.load(auth, draftId, 'draft.generate');
    return this.drafts.retry(draft, planAccess, context);
  }
}
