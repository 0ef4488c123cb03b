import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token the public form carries: when it was served, for which plan, signed with the
 * server's secret. It lets the API tell how long a person took to fill the form in without
 * keeping anything per visitor.
 */
export function signFormToken(secret: string, planId: string, servedAt: Date): string {
  const time = String(servedAt.getTime());
  return `${time}.${signature(secret, planId, time)}`;
}

function signature(secret: string, planId: string, time: string): string {
  return createHmac('sha256', secret).update(`${planId}:${time}`).digest('base64url');
}

/** When the form was served; null when the token was not signed by us for this plan. */
export function formServedAt(secret: string, planId: string, token: string): Date | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, time, given] = match as unknown as [string, string, string];
  const expected = Buffer.from(signature(secret, planId, time));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return new Date(Number(time));
}
