/**
 * Whether a socket's handshake came from our own site: the same rule as SameOriginGuard, except
 * that a missing Origin is refused, because every browser sends one on a WebSocket or polling
 * request and only another program would leave it out.
 */
export function isAllowedSocketOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (!origin) return false;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
