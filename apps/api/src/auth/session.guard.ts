import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { AppRequest } from '../common/request-context.js';
import { authError, AuthErrorCode } from './auth.errors.js';
import { readCookie } from './cookies.js';
import { IS_ANONYMOUS, IS_PUBLIC } from './public.decorator.js';
import { sessionCookieName, SessionsService } from './sessions.service.js';

/**
 * Every route needs a live session unless marked @Public(). On public routes a valid session is
 * still read, so they can tell who is asking; @Anonymous() routes ignore the cookie altogether.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_ANONYMOUS, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<AppRequest>();
    const token = readCookie(req.headers.cookie, sessionCookieName);
    if (!token) {
      if (isPublic) return true;
      throw authError(AuthErrorCode.NotSignedIn);
    }
    const found = await this.sessions.lookup(token);
    if (found.status === 'active') {
      req.context.auth = { user: found.user, sessionId: found.session.id, isAdmin: found.isAdmin };
      return true;
    }
    context.switchToHttp().getResponse<Response>().clearCookie(sessionCookieName, { path: '/' });
    if (isPublic) return true;
    throw authError(
      found.status === 'expired' ? AuthErrorCode.SessionExpired : AuthErrorCode.NotSignedIn,
    );
  }
}
