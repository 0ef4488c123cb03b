const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ChangeRequest {
  method: string;
  origin: string | undefined;
  /** The Sec-Fetch-Site header: same-origin, same-site, cross-site or none. */
  fetchSite: string | undefined;
  host: string | undefined;
}

/**
 * Whether a request may change anything. Reading is always allowed (reads change nothing, and
 * another site cannot see the answer: CORS is off for it). A change must name an allowed origin
 * (or our own host) in Origin, which every current browser sends on a POST, PUT, PATCH or DELETE;
 * `Origin: null` (sandboxed frames, privacy redirects) is foreign. With no Origin at all, a
 * browser's Sec-Fetch-Site must not say another site; a request with neither header is not from a
 * browser, so it carries no one's cookie but its own sender's, and forging it gains nothing.
 */
export function isSameOriginChange(req: ChangeRequest, allowedOrigins: readonly string[]): boolean {
  if (safeMethods.has(req.method)) return true;
  if (req.origin !== undefined) {
    if (allowedOrigins.includes(req.origin)) return true;
    try {
      return req.host !== undefined && new URL(req.origin).host === req.host;
    } catch {
      return false;
    }
  }
  if (req.fetchSite !== undefined)
    return req.fetchSite === 'same-origin' || req.fetchSite === 'none';
  return true;
}
