import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { queueOfJob, type JobName, type JobPayloads, type QueueName } from './job-names.js';
import { isRedisUnreachable, queueUnavailable } from './queue-unavailable.js';

/** BullMQ keys live under the instance's Redis prefix, so instances and test runs stay apart. */
export function bullPrefix(config: AppConfig): string {
  return `${config.redis.prefix}bull`;
}

/** A connection for workers and queue events, whose blocking reads must wait for Redis for ever. */
export function bullConnection(config: AppConfig): Redis {
  // BullMQ needs blocking commands to wait for ever, and does its own key prefixing.
  return new Redis(config.redis.url, { maxRetriesPerRequest: null });
}

/**
 * The producer's connection, which never waits for Redis: with no offline queue a command sent
 * while Redis is away fails at once, one in flight when the connection drops is not sent again,
 * and one Redis does not answer (stalled, or the network lost) fails after `queueTimeoutMs`.
 * BullMQ's own advice for a REST API that adds jobs.
 */
function producerConnection(config: AppConfig): Redis {
  return new Redis(config.redis.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: config.redis.queueTimeoutMs,
  });
}

interface QueueEntry {
  queue: Queue;
  /** Its start-up failed (Redis went away in that instant): BullMQ never retries it, so replace it. */
  broken: boolean;
}

/**
 * Adds jobs to their queues (the worker process runs them) and reads their state, every call
 * bounded: while Redis is away or stalled it throws `queueUnavailable()` within `queueTimeoutMs`
 * instead of waiting for Redis to come back.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, QueueEntry>();
  private connection: Redis | undefined;
  /** Settles when the connection is first ready; until then calls wait for it (within the limit). */
  private firstReady: Promise<void> = Promise.resolve();
  private everReady = false;
  private readonly readyListeners: Array<() => void> = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private redis(): Redis {
    if (this.connection) return this.connection;
    const connection = producerConnection(this.config);
    let reported = false;
    connection.on('error', (error: Error) => {
      // Once per outage: ioredis reports every failed reconnect.
      if (reported) return;
      reported = true;
      this.logger.warn({ event: 'queue_redis_error', err: error.message }, 'job queue Redis error');
    });
    this.firstReady = new Promise((resolve) => connection.once('ready', () => resolve()));
    connection.on('ready', () => {
      reported = false;
      this.everReady = true;
      for (const listener of this.readyListeners) listener();
    });
    this.connection = connection;
    return connection;
  }

  /**
   * Called each time the connection to Redis becomes ready from now on: after an outage, when
   * Redis may have restarted and lost what it held.
   */
  onReady(listener: () => void): void {
    this.readyListeners.push(listener);
    this.redis();
  }

  queue(name: QueueName): Queue {
    let entry = this.queues.get(name);
    if (!entry || entry.broken) {
      const queue = new Queue(name, { connection: this.redis(), prefix: bullPrefix(this.config) });
      // Connection errors are logged once by the connection itself.
      queue.on('error', () => undefined);
      const created: QueueEntry = { queue, broken: false };
      queue.waitUntilReady().catch(() => {
        created.broken = true;
        void queue.close().catch(() => undefined);
      });
      entry = created;
      this.queues.set(name, entry);
    }
    return entry.queue;
  }

  /**
   * Runs a queue operation within `queueTimeoutMs`. Throws `queueUnavailable()` at once while the
   * connection is down, and when Redis does not answer in time; other errors pass through.
   */
  async within<T>(operation: () => Promise<T>): Promise<T> {
    const connection = this.redis();
    if (connection.status !== 'ready' && this.everReady) throw queueUnavailable();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(queueUnavailable()), this.config.redis.queueTimeoutMs);
    });
    // Just after start the first connection may still be opening: wait for it, within the limit.
    const running = (connection.status === 'ready' ? Promise.resolve() : this.firstReady).then(
      operation,
    );
    try {
      return await Promise.race([running, deadline]);
    } catch (error) {
      if (isRedisUnreachable(error)) throw queueUnavailable();
      throw error;
    } finally {
      clearTimeout(timer);
      running.catch(() => undefined);
    }
  }

  /**
   * Checks that Redis answers before anything is recorded, so a request made while it is away is
   * refused whole (503) rather than recorded without its job.
   */
  async assertReachable(): Promise<void> {
    await this.within(() => this.redis().ping());
  }

  async add<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: JobsOptions = {},
  ): Promise<void> {
    await this.within(() =>
      this.queue(queueOfJob[name]).add(name, payload, {
        attempts: 5,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: 7 * 86_400, count: 1000 },
        removeOnFail: { age: 30 * 86_400 },
        ...options,
      }),
    );
  }

  /**
   * Puts a job that has ended back in its queue, for a person's Retry: a failed job is retried on
   * the same job with its tries counted afresh; one that is gone (removed by `removeOnFail`, or
   * lost with Redis's data) or that completed without doing the work is added again by `add`. A
   * job still waiting or running is left: its handler re-reads the row it works on.
   */
  async requeue(queue: QueueName, jobId: string, add: () => Promise<void>): Promise<void> {
    const retried = await this.within(async () => {
      const job = await this.queue(queue).getJob(jobId);
      if (!job || (await job.getState()) !== 'failed') return false;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    });
    if (!retried) await this.ensureJob(queue, jobId, add);
  }

  /**
   * Queues work PostgreSQL has just recorded (`what` names it in the log). If Redis fails in this
   * instant the work is recorded all the same, so the request has succeeded: the worker's
   * reconciliation adds the job once Redis answers (within `JOBS_RECONCILE_SECONDS`, at once when
   * it reconnects).
   */
  async enqueueRecorded(what: Record<string, string>, add: () => Promise<void>): Promise<void> {
    await add().catch((error: unknown) =>
      this.logger.warn(
        { event: 'job_queue_deferred', ...what, err: (error as Error).message },
        'could not queue recorded work; the worker will queue it',
      ),
    );
  }

  /**
   * Makes sure work PostgreSQL says is waiting has a job: adds it when Redis has none (its data was
   * lost, or the request stopped between commit and queue) or only one that completed without
   * doing it. Returns whether it added one; a job in any other state is left alone.
   */
  async ensureJob(queue: QueueName, jobId: string, add: () => Promise<void>): Promise<boolean> {
    return this.within(async () => {
      const state = await this.queue(queue).getJobState(jobId);
      if (state !== 'unknown' && state !== 'completed') return false;
      if (state === 'completed') await this.queue(queue).remove(jobId);
      await add();
      return true;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map(({ queue }) => queue.close()));
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
