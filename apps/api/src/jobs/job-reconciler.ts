import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobSchedules } from './job-schedules.js';
import { PENDING_WORK, type PendingWork } from './pending-work.js';
import { QueueService } from './queue.service.js';

/**
 * Keeps Redis's queues in line with PostgreSQL, which is the record: the job schedulers, and a job
 * behind every draft and export PostgreSQL says is `queued` or `generating`. Redis that restarts
 * without its data (no persistence, a failover to an empty replica, a flush) loses both, and a
 * request can stop between its commit and its queueing; this puts back what is missing. It runs
 * in every worker at start, each time its connection to Redis is back, and every
 * `JOBS_RECONCILE_SECONDS`. Job ids come from the rows, so a job that exists is never doubled and
 * two workers reconciling at once add one job.
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private stopped = false;

  constructor(
    private readonly queues: QueueService,
    private readonly schedules: JobSchedules,
    @Inject(PENDING_WORK) private readonly work: PendingWork[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile('start');
    // Registered after the first pass, so each later `ready` is the connection coming back.
    this.queues.onReady(() => void this.reconcile('reconnected'));
    this.timer = setInterval(
      () => void this.reconcile('periodic'),
      this.config.jobs.reconcileEverySeconds * 1000,
    );
    this.timer.unref();
  }

  /** One pass; a pass asked for while one runs is made once after it, so none is missed. */
  reconcile(reason: string): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.pass(reason).finally(() => {
      this.running = null;
      if (this.rerun && !this.stopped) {
        this.rerun = false;
        void this.reconcile(reason);
      }
    });
    return this.running;
  }

  private async pass(reason: string): Promise<void> {
    try {
      const schedulers = await this.schedules.ensure({ onlyMissing: reason !== 'start' });
      const requeued: Record<string, number> = {};
      for (const work of this.work) {
        let added = 0;
        for (const job of await work.pending())
          if (await this.queues.ensureJob(work.queue, job.jobId, job.enqueue)) added += 1;
        if (added > 0) requeued[work.queue] = added;
      }
      const mended = Object.keys(requeued).length > 0 || (reason !== 'start' && schedulers.length);
      if (mended)
        this.logger.warn(
          { event: 'jobs_reconciled', reason, requeued, schedulers },
          'put back jobs Redis did not have',
        );
    } catch (error) {
      this.logger.warn(
        { event: 'jobs_reconcile_failed', reason, err: (error as Error).message },
        'could not reconcile the job queues; trying again later',
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
