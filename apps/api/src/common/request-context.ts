import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { AuthContext } from '../auth/auth-context.js';

/** What the API learns about a request as it passes through: its id, its client, who sent it. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  auth?: AuthContext;
}

export type AppRequest = Request & { context: RequestContext };

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives every request an id (kept from X-Request-Id when sane), echoes it, and logs the outcome. */
export function requestContextMiddleware(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming : randomUUID();
    (req as AppRequest).context = { requestId, ip: req.ip ?? null };
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const auth = (req as AppRequest).context.auth;
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          userId: auth?.user.id,
        },
        'request',
      );
    });
    next();
  };
}
