import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AppRequest } from '../common/request-context.js';
import { commonError, CommonErrorCode } from '../common/common.errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses changes sent by another website with the visitor's cookie: a request that changes
 * anything must come from our own origin (or one configured in ALLOWED_ORIGINS).
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AppRequest>();
    if (safeMethods.has(req.method)) return true;
    const origin = req.headers.origin;
    if (!origin) return true;
    if (this.config.http.allowedOrigins.includes(origin)) return true;
    try {
      if (new URL(origin).host === req.headers.host) return true;
    } catch {
      // an unparseable origin is foreign
    }
    throw commonError(CommonErrorCode.ForeignOrigin);
  }
}
