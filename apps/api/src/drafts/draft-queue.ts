import { Inject, Injectable } from '@nestjs/common';
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
}
