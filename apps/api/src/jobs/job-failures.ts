import type { Redis } from 'ioredis';
import type { QueueName } from './job-names.js';

/**
 * Failed job attempts per queue, counted in Redis by every worker (so the count survives restarts
 * and adds up across workers) and read by any API instance for /api/metrics.
 */
export function jobFailuresKey(queue: QueueName): string {
  return `metrics:job-failures:${queue}`;
}

export async function countJobFailure(redis: Redis, queue: QueueName): Promise<void> {
  await redis.incr(jobFailuresKey(queue));
}
