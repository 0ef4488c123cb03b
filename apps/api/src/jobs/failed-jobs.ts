import type { FailedJobView, FailedJobsView } from '@commonplan/domain';
import type { Redis } from 'ioredis';
import type { QueueName } from './job-names.js';

/**
 * Jobs that failed for good, kept in Redis by every worker and read by any API instance: a counter
 * per queue for /api/metrics (it only grows, so it survives restarts and adds up across workers)
 * and the records operators list. A record holds only what `FailedJobView` names (never the job's
 * data or error message, which can carry a plan's words), and goes when the job later succeeds
 * (a lead tried it again after the cause was put right), when it is older than BullMQ keeps a failed
 * job, or when there are more than `keptRecords`.
 */

const recordsKey = 'jobs:failed-for-good:records';
const orderKey = 'jobs:failed-for-good:order';
const keptRecords = 1000;
/** As long as BullMQ keeps a failed job (`removeOnFail` in QueueService). */
const keptForMs = 30 * 86_400_000;

export function jobsFailedForGoodKey(queue: QueueName): string {
  return `metrics:jobs-failed-for-good:${queue}`;
}

function memberOf(queue: string, jobId: string): string {
  return `${queue}:${jobId}`;
}

export async function recordFailedForGood(
  redis: Redis,
  record: FailedJobView & { queue: QueueName },
): Promise<void> {
  const member = memberOf(record.queue, record.jobId);
  await redis
    .multi()
    .incr(jobsFailedForGoodKey(record.queue))
    .hset(recordsKey, member, JSON.stringify(record))
    .zadd(orderKey, Date.parse(record.failedAt), member)
    .exec();
  const [overflow, expired] = await Promise.all([
    redis.zrange(orderKey, 0, -(keptRecords + 1)),
    redis.zrangebyscore(orderKey, '-inf', Date.now() - keptForMs),
  ]);
  const dropped = [...new Set([...overflow, ...expired])];
  if (dropped.length > 0)
    await redis
      .multi()
      .zrem(orderKey, ...dropped)
      .hdel(recordsKey, ...dropped)
      .exec();
}

/** A job that succeeded is no longer failed, whatever happened to it before. */
export async function forgetFailedJob(
  redis: Redis,
  queue: QueueName,
  jobId: string,
): Promise<void> {
  const member = memberOf(queue, jobId);
  await redis.multi().zrem(orderKey, member).hdel(recordsKey, member).exec();
}

/** The newest records first. */
export async function listFailedForGood(redis: Redis, limit: number): Promise<FailedJobsView> {
  const [members, total] = await Promise.all([
    redis.zrevrange(orderKey, 0, limit - 1),
    redis.zcard(orderKey),
  ]);
  const records = members.length > 0 ? await redis.hmget(recordsKey, ...members) : [];
  return {
    jobs: records
      .filter((record): record is string => record !== null)
      .map((record) => JSON.parse(record) as FailedJobView),
    total,
  };
}
