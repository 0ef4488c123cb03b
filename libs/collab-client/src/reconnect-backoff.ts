/** How long to wait between attempts to reach the server again. */
export interface ReconnectPolicy {
  /** The ceiling of the first wait; each failed attempt doubles it. */
  minDelayMs: number;
  /** The ceiling never grows past this. */
  maxDelayMs: number;
}

export const defaultReconnectPolicy: ReconnectPolicy = { minDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Exponential backoff with full jitter: a random wait between 0 and min(max, min x 2^attempt).
 * Spreading the waits over the whole range keeps a room of editors from all reconnecting in the
 * same instant after a restart. `attempt` counts failures since the last success, from 0.
 */
export function reconnectDelay(
  attempt: number,
  policy: ReconnectPolicy = defaultReconnectPolicy,
  random: () => number = Math.random,
): number {
  const min = Math.max(0, policy.minDelayMs);
  const max = Math.max(min, policy.maxDelayMs);
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(max, min * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
