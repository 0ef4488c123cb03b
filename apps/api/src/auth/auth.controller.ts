import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Me } from '@commonplan/domain';
import type { Response } from 'express';
import type { AppRequest, RequestContext } from '../common/request-context.js';
import type { AuthContext } from './auth-context.js';
import { AuthService } from './auth.service.js';
import { readCookie } from './cookies.js';
import { CurrentAuth, ReqContext } from './current-auth.decorator.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { SignInDto } from './dto/sign-in.dto.js';
import { Public } from './public.decorator.js';
import { sessionCookieName, SessionsService } from './sessions.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; sets the session cookie' })
  @ApiOkResponse({ description: 'Who is now signed in' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this address' })
  async signIn(
    @Body() body: SignInDto,
    @ReqContext() context: RequestContext,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Me> {
    const { token, me } = await this.auth.signIn(body.email, body.password, context, {
      userAgent: req.header('user-agent') ?? null,
      previousToken: readCookie(req.headers.cookie, sessionCookieName),
    });
    res.cookie(sessionCookieName, token, this.sessions.cookieOptions());
    return me;
  }

  @Post('sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session' })
  @ApiNoContentResponse()
  async signOut(
    @CurrentAuth() auth: AuthContext,
    @ReqContext() context: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.auth.signOut(auth.sessionId, context);
    res.clearCookie(sessionCookieName, { path: '/' });
  }

  @Post('sign-out-everywhere')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End every session of the signed-in person, on every device, and close their sockets',
  })
  @ApiNoContentResponse()
  async signOutEverywhere(
    @CurrentAuth() auth: AuthContext,
    @ReqContext() context: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.auth.signOutEverywhere(auth.user.id, context);
    res.clearCookie(sessionCookieName, { path: '/' });
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Change the password: every other session ends, and this browser gets a new session cookie',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'Current password wrong, or the new one is too weak' })
  async changePassword(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ChangePasswordDto,
    @ReqContext() context: RequestContext,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { token } = await this.auth.changePassword(
      auth.user.id,
      body,
      context,
      req.header('user-agent') ?? null,
    );
    res.cookie(sessionCookieName, token, this.sessions.cookieOptions());
  }

  @Get('me')
  @ApiOperation({ summary: 'Who am I: the signed-in person and the footprints they belong to' })
  me(@CurrentAuth() auth: AuthContext): Promise<Me> {
    return this.auth.describe(auth.user.id);
  }
}
