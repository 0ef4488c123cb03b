import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AppRequest, RequestContext } from '../common/request-context.js';
import type { AuthContext } from './auth-context.js';

/** The signed-in person of the request; only on routes behind the session guard. */
export const CurrentAuth = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthContext => {
    const auth = ctx.switchToHttp().getRequest<AppRequest>().context.auth;
    if (!auth) throw new Error('CurrentAuth used on a public route');
    return auth;
  },
);

/** The request's id and client address, for the audit trail. */
export const ReqContext = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestContext =>
    ctx.switchToHttp().getRequest<AppRequest>().context,
);
