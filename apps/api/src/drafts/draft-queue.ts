import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobName } from '../jobs/job-names.js';
import { QueueService } from '../jobs/queue.service.js';
import { draftJobId } from './draft-generate.payload.js';

/**
 * Queues a draft's job. The job id is the draft's, so adding it again (a repeated request, a mend
 * after a process stopped between commit and queue, the worker's reconciliation) is a no-op while
 * the job exists.
 */
@Injectable()
export class DraftQueue {
  constructor(
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async enqueue(draftId: string): Promise<void> {
    await this.queues.add(
      JobName.DraftGenerate,
      { draftId },
      {
        jobId: draftJobId(draftId),
        attempts: this.config.drafts.jobAttempts,
        backoff: { type: 'exponential', delay: this.config.drafts.retryDelayMs },
      },
    );
  }

  /**
   * Queues a draft PostgreSQL has just recorded. If Redis fails in this moment the draft is still
   * recorded as `queued`, so the request has succeeded: the worker's reconciliation adds the job
   * once Redis answers (within `JOBS_RECONCILE_SECONDS`, at once when it reconnects).
   */
  async enqueueRecorded(draftId: string): Promise<void> {
    await this.enqueue(draftId).catch((error: unknown) =>
      this.logger.warn(
        { event: 'draft_queue_deferred', draftId, err: (error as Error).message },
        'could not queue a recorded draft; the worker will queue it',
      ),
    );
  }
}
