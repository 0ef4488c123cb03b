import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommentThreadView } from '@commonplan/domain';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { uuidParam } from '../common/params.js';
import type { RequestContext } from '../common/request-context.js';
import { PlansService } from '../plans/plans.service.js';
import { SectionsService } from '../sections/sections.service.js';
import { CommentsService } from './comments.service.js';
import { CommentBodyDto, CreateCommentThreadDto } from './dto/comment.dto.js';

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(
    private readonly comments: CommentsService,
    private readonly sections: SectionsService,
    private readonly plans: PlansService,
  ) {}

  @Get('plans/:planId/open-thread-counts')
  @ApiOperation({ summary: "How many open comment threads each of a plan's sections has" })
  async openThreadCounts(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
  ): Promise<Record<string, number>> {
    const { plan } = await this.plans.load(auth, planId, 'section.read');
    return this.comments.openThreadCountsBySection(plan.id);
  }

  @Get('sections/:sectionId/threads')
  @ApiOperation({
    summary: "A section's comment threads in the order of its text, each with its current range",
  })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
  ): Promise<CommentThreadView[]> {
    return this.comments.list(await this.sections.load(auth, sectionId, 'section.read'));
  }

  @Post('sections/:sectionId/threads')
  @ApiOperation({ summary: 'Start a comment thread on a range of the text (authors, reviewers)' })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
    @Body() body: CreateCommentThreadDto,
    @ReqContext() context: RequestContext,
  ): Promise<CommentThreadView> {
    return this.comments.create(
      await this.sections.load(auth, sectionId, 'section.comment'),
      body,
      { ...context, auth },
    );
  }

  @Post('threads/:threadId/comments')
  @ApiOperation({ summary: 'Reply to a thread (authors, reviewers)' })
  reply(
    @CurrentAuth() auth: AuthContext,
    @Param('threadId', uuidParam('threadId')) threadId: string,
    @Body() body: CommentBodyDto,
    @ReqContext() context: RequestContext,
  ): Promise<CommentThreadView> {
    return this.comments.reply(auth, threadId, body, context);
  }

  @Patch('comments/:commentId')
  @ApiOperation({ summary: 'Change your own comment' })
  edit(
    @CurrentAuth() auth: AuthContext,
    @Param('commentId', uuidParam('commentId')) commentId: string,
    @Body() body: CommentBodyDto,
  ): Promise<CommentThreadView> {
    return this.comments.edit(auth, commentId, body);
  }

  @Post('threads/:threadId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve a thread (authors, reviewers)' })
  resolve(
    @CurrentAuth() auth: AuthContext,
    @Param('threadId', uuidParam('threadId')) threadId: string,
    @ReqContext() context: RequestContext,
  ): Promise<CommentThreadView> {
    return this.comments.resolve(auth, threadId, context);
  }

  @Post('threads/:threadId/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a resolved thread (authors, reviewers)' })
  reopen(
    @CurrentAuth() auth: AuthContext,
    @Param('threadId', uuidParam('threadId')) threadId: string,
    @ReqContext() context: RequestContext,
  ): Promise<CommentThreadView> {
    return this.comments.reopen(auth, threadId, context);
  }
}
