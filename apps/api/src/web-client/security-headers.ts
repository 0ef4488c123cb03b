import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The Content Security Policy of every response. Scripts come only from our own origin (the Vite
 * build emits no inline script), so an injected `<script>` or `onclick=` never runs. Styles allow
 * 'unsafe-inline' because the editor needs it: TipTap injects its base stylesheet as a `<style>`
 * element and y-prosemirror colours remote cursors with `style` attributes; inline style cannot run
 * code. `frame-ancestors 'none'` stops the pages being framed (clickjacking).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Two years, as the HSTS preload list asks; sent only in production, which is served over HTTPS. */
const strictTransportSecurity = 'max-age=63072000; includeSubDomains';

/** Headers that keep pages from being framed, sniffed, downgraded or leaking where they came from. */
export function securityHeaders(options: { production: boolean }): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'same-origin');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    res.setHeader('content-security-policy', contentSecurityPolicy);
    if (options.production) res.setHeader('strict-transport-security', strictTransportSecurity);
    next();
  };
}
