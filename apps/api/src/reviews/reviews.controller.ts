import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApprovalChangesView, SectionReviewView } from '@commonplan/domain';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { uuidParam } from '../common/params.js';
import type { RequestContext } from '../common/request-context.js';
import { SectionsService } from '../sections/sections.service.js';
import { DecideReviewDto, ReconsiderApprovalDto, RequestReviewDto } from './dto/review.dto.js';
import { ReviewsService } from './reviews.service.js';

@ApiTags('reviews')
@Controller('sections/:sectionId/review')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly sections: SectionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: "Where the section's review stands, and its history (newest first)" })
  async view(
    @CurrentAuth() auth: AuthContext,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
  ): Promise<SectionReviewView> {
    return this.reviews.view(await this.sections.load(auth, sectionId, 'section.read'));
  }

  @Get('changes')
  @ApiOperation({ summary: 'What changed in the text since the approval in force (word by word)' })
  async changes(
    @CurrentAuth() auth: AuthContext,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
  ): Promise<ApprovalChangesView> {
    return this.reviews.changes(await this.sections.load(auth, sectionId, 'section.read'));
  }

  @Post('request')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask reviewers to review the section (authors and leads)' })
  async request(
    @CurrentAuth() auth: AuthContext,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
    @Body() body: RequestReviewDto,
    @ReqContext() context: RequestContext,
  ): Promise<SectionReviewView> {
    return this.reviews.request(
      await this.sections.load(auth, sectionId, 'section.requestReview'),
      body,
      context,
    );
  }

  @Post('decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve the section or ask for changes (its assigned reviewers, or a lead)',
  })
  async decide(
    @CurrentAuth() auth: AuthContext,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
    @Body() body: DecideReviewDto,
    @ReqContext() context: RequestContext,
  ): Promise<SectionReviewView> {
    return this.reviews.decide(
      await this.sections.load(auth, sectionId, 'section.decideReview'),
      body,
      context,
    );
  }

  @Post('approval')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm an approval still stands after edits, or withdraw it (leads)',
  })
  async reconsider(
    @CurrentAuth() auth: AuthContext,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
    @Body() body: ReconsiderApprovalDto,
    @ReqContext() context: RequestContext,
  ): Promise<SectionReviewView> {
    return this.reviews.reconsider(
      await this.sections.load(auth, sectionId, 'section.reconsiderApproval'),
      body,
      context,
    );
  }
}
