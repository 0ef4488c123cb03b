import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CreatedInvitation,
  InvitationPreview,
  InvitationView,
  Me,
  Page,
} from '@commonplan/domain';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { AuthService } from '../auth/auth.service.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { readCookie } from '../auth/cookies.js';
import { sessionCookieName, SessionsService } from '../auth/sessions.service.js';
import { PaginationQuery } from '../common/pagination.dto.js';
import { uuidParam } from '../common/params.js';
import type { AppRequest, RequestContext } from '../common/request-context.js';
import { FootprintAccessService } from '../footprints/footprint-access.service.js';
import { AcceptInvitationDto, CreateInvitationDto } from './dto/invitation.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('invitations')
@Controller('footprints/:slug/invitations')
export class FootprintInvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly access: FootprintAccessService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Invitations sent for this footprint (leads)' })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Query() query: PaginationQuery,
  ): Promise<Page<InvitationView>> {
    return this.invitations.list(await this.access.bySlug(auth, slug, 'members.invite'), query);
  }

  @Post()
  @ApiOperation({
    summary: 'Invite someone by email with a role (leads); the link is returned once',
  })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Body() body: CreateInvitationDto,
    @ReqContext() context: RequestContext,
  ): Promise<CreatedInvitation> {
    return this.invitations.create(
      await this.access.bySlug(auth, slug, 'members.invite'),
      auth,
      body,
      context,
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an invitation (leads)' })
  async revoke(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Param('id', uuidParam('id')) id: string,
    @ReqContext() context: RequestContext,
  ): Promise<void> {
    await this.invitations.revoke(
      await this.access.bySlug(auth, slug, 'members.invite'),
      id,
      context,
    );
  }
}

@ApiTags('invitations')
@Controller('invitations/:token')
export class InvitationLinkController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'What an invitation link is for, before accepting it' })
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Public()
  @Post('accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept an invitation: set a name and password (or confirm an existing one) and sign in',
  })
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptInvitationDto,
    @ReqContext() context: RequestContext,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Me> {
    const { userId } = await this.invitations.accept(token, body, context);
    await this.sessions.endByToken(readCookie(req.headers.cookie, sessionCookieName));
    const { token: sessionToken } = await this.sessions.create(userId, {
      ip: context.ip,
      userAgent: req.header('user-agent') ?? null,
    });
    res.cookie(sessionCookieName, sessionToken, this.sessions.cookieOptions());
    return this.auth.describe(userId);
  }
}
