import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { queueOfJob, type JobName, type JobPayloads, type QueueName } from './job-names.js';

/** BullMQ keys live under the instance's Redis prefix, so instances and test runs stay apart. */
export function bullPrefix(config: AppConfig): string {
  return `${config.redis.prefix}bull`;
}

export function bullConnection(config: AppConfig): Redis {
  // BullMQ needs blocking commands to wait for ever, and does its own key prefixing.
  return new Redis(config.redis.url, { maxRetriesPerRequest: null });
}

/** Adds jobs to their queues; the worker process runs them. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private connection: Redis | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      this.connection ??= bullConnection(this.config);
      queue = new Queue(name, { connection: this.connection, prefix: bullPrefix(this.config) });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: JobsOptions = {},
  ): Promise<void> {
    await this.queue(queueOfJob[name]).add(name, payload, {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 7 * 86_400, count: 1000 },
      removeOnFail: { age: 30 * 86_400 },
      ...options,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.connection?.quit().catch(() => undefined);
  }
}
