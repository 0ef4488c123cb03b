import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CollabMetrics } from '../collab/collab-metrics.js';
import { renderMetrics, type MetricFamily } from '../common/prometheus-text.js';
import { jobFailuresKey } from '../jobs/job-failures.js';
import { QueueName } from '../jobs/job-names.js';
import { QueueService } from '../jobs/queue.service.js';
import { REDIS } from '../redis/redis.module.js';

const jobStates = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Gathers this instance's real-time figures and the shared queues' into the Prometheus format. */
@Injectable()
export class MetricsService {
  constructor(
    private readonly collab: CollabMetrics,
    private readonly queues: QueueService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async render(): Promise<string> {
    const queues = Object.values(QueueName);
    const [counts, failures] = await Promise.all([
      Promise.all(queues.map((queue) => this.queues.queue(queue).getJobCounts(...jobStates))),
      this.redis.mget(...queues.map(jobFailuresKey)),
    ]);
    const families: MetricFamily[] = [
      ...this.collab.families(),
      {
        name: 'commonplan_queue_jobs',
        help: 'Jobs in each queue by state (shared by every instance: read it from one).',
        type: 'gauge',
        samples: queues.flatMap((queue, i) =>
          jobStates.map((state) => ({ labels: { queue, state }, value: counts[i]![state] ?? 0 })),
        ),
      },
      {
        name: 'commonplan_job_failures_total',
        help: 'Failed job attempts (retries included) in each queue, counted by the workers.',
        type: 'counter',
        samples: queues.map((queue, i) => ({ labels: { queue }, value: Number(failures[i] ?? 0) })),
      },
    ];
    return renderMetrics(families);
  }
}
