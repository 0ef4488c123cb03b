import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CollabMetrics } from '../collab/collab-metrics.js';
import { renderMetrics, type MetricFamily } from '../common/prometheus-text.js';
import { jobsFailedForGoodKey } from '../jobs/failed-jobs.js';
import { jobFailuresKey } from '../jobs/job-failures.js';
import { QueueName } from '../jobs/job-names.js';
import { QueueService } from '../jobs/queue.service.js';
import { REDIS } from '../redis/redis.module.js';

const jobStates = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Gathers this instance's real-time figures and the shared queues' into the Prometheus format. */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  /** How late the event loop ran its timers, sampled every 10 ms; reset by every scrape. */
  private readonly eventLoopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor(
    private readonly collab: CollabMetrics,
    private readonly queues: QueueService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.eventLoopDelay.enable();
  }

  onModuleDestroy(): void {
    this.eventLoopDelay.disable();
  }

  /**
   * The event loop's delay since the previous scrape (max, p99, mean), in seconds: a message that
   * takes long to decode or apply shows here as a stall every connection on the instance felt.
   */
  private eventLoopFamily(): MetricFamily {
    const histogram = this.eventLoopDelay;
    const seconds = (nanoseconds: number) =>
      Number.isFinite(nanoseconds) && histogram.count > 0 ? nanoseconds / 1e9 : 0;
    const family: MetricFamily = {
      name: 'commonplan_event_loop_delay_seconds',
      help: 'Event-loop delay of this instance since the previous scrape (max, p99, mean).',
      type: 'gauge',
      samples: [
        { labels: { stat: 'max' }, value: seconds(histogram.max) },
        { labels: { stat: 'p99' }, value: seconds(histogram.percentile(99)) },
        { labels: { stat: 'mean' }, value: seconds(histogram.mean) },
      ],
    };
    histogram.reset();
    return family;
  }

  async render(): Promise<string> {
    const queues = Object.values(QueueName);
    const [counts, failures, failedForGood] = await Promise.all([
      Promise.all(queues.map((queue) => this.queues.queue(queue).getJobCounts(...jobStates))),
      this.redis.mget(...queues.map(jobFailuresKey)),
      this.redis.mget(...queues.map(jobsFailedForGoodKey)),
    ]);
    const families: MetricFamily[] = [
      ...this.collab.families(),
      this.eventLoopFamily(),
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
      {
        name: 'commonplan_jobs_failed_for_good_total',
        help: 'Jobs the workers stopped trying in each queue (not retried, or out of tries); listed at /api/operations/failed-jobs.',
        type: 'counter',
        samples: queues.map((queue, i) => ({
          labels: { queue },
          value: Number(failedForGood[i] ?? 0),
        })),
      },
    ];
    return renderMetrics(families);
  }
}
