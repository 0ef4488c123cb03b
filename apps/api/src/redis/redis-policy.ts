import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisConfig } from './redis.config.js';

/** The only eviction policy that never drops a queued job, a lock or a sign-in counter. */
export const requiredEvictionPolicy = 'noeviction';

/** Reads `maxmemory_policy` from the answer to INFO memory (CONFIG GET is often disabled by hosts). */
export function evictionPolicyOf(info: string): string | null {
  const match = /^maxmemory_policy:(\S+)/m.exec(info);
  return match ? match[1]! : null;
}

/** A message for the operator when the policy would lose data, or null when it is safe. */
export function evictionPolicyProblem(policy: string | null): string | null {
  if (policy === null || policy === requiredEvictionPolicy) return null;
  return [
    `Redis is set to evict keys when full (maxmemory-policy ${policy}).`,
    'Commonplan keeps its job queues, locks and sign-in counters in Redis, and eviction would',
    'silently lose them. Set maxmemory-policy to noeviction (in redis.conf, or',
    "`redis-cli CONFIG SET maxmemory-policy noeviction`, or your provider's parameter group),",
    'then start again.',
  ].join('\n');
}

/** Whether INFO persistence says the append-only file is on (null when it does not say). */
export function appendOnlyOf(info: string): boolean | null {
  const match = /^aof_enabled:(\d)/m.exec(info);
  return match ? match[1] === '1' : null;
}

/**
 * Asks Redis for its eviction policy (and whether it persists) before the application loads.
 * Returns the problem to report (the caller exits 78), or null. A Redis that cannot be reached is not decided here: the process
 * starts, reports itself degraded on /api/health, and reconnects, as before.
 */
export async function checkRedisEvictionPolicy(
  config: RedisConfig,
  logger: Logger,
): Promise<string | null> {
  const redis = new Redis(config.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 5000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const policy = evictionPolicyOf(await redis.info('memory'));
    // Not refused (the reconciliation puts lost jobs back), but the operator should know.
    if (appendOnlyOf(await redis.info('persistence')) === false)
      logger.warn(
        { event: 'redis_not_persistent' },
        'Redis runs without appendonly: a restart loses queued jobs and schedules until the worker puts them back; set appendonly yes',
      );
    return evictionPolicyProblem(policy);
  } catch (error) {
    logger.warn(
      { event: 'redis_policy_unchecked', err: (error as Error).message },
      'could not reach Redis to check its eviction policy; starting anyway',
    );
    return null;
  } finally {
    redis.disconnect();
  }
}
