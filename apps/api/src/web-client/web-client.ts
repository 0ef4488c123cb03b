import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';

/**
 * Serves the built web client at `/`, and its index page for every client-side route, so the
 * browser, the API (`/api`) and socket.io (`/socket.io`) share one origin and one port.
 */
export function serveWebClient(app: Express, distDir: string, logger: Logger): void {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    logger.warn({ distDir }, 'the web client is not built: run `npm run build` to serve it');
    return;
  }
  app.use(
    express.static(distDir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        if (path.includes(`${join('assets', '')}`))
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexFile);
  });
}
