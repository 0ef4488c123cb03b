import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AppRequest } from '../common/request-context.js';
import { commonError, CommonErrorCode } from '../common/common.errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isSameOriginChange } from './same-origin.js';

/**
 * Refuses changes sent by another website with the visitor's cookie (cross-site request forgery):
 * a request that changes anything must come from our own origin (or one configured in
 * ALLOWED_ORIGINS), judged by the Origin and Sec-Fetch-Site headers browsers set and pages cannot.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AppRequest>();
    const allowed = isSameOriginChange(
      {
        method: req.method,
        origin: req.headers.origin,
        fetchSite: req.headers['sec-fetch-site'] as string | undefined,
        host: req.headers.host,
      },
      this.config.http.allowedOrigins,
    );
    if (!allowed) throw commonError(CommonErrorCode.ForeignOrigin);
    return true;
  }
}
