import { Inject, Injectable } from '@nestjs/common';
import type { ExportFormat } from '@commonplan/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobName } from '../jobs/job-names.js';
import { QueueService } from '../jobs/queue.service.js';
import { exportJobId } from './draft-export.payload.js';

/**
 * Queues an export's job. The job id is the draft's and format's, so adding it again (a repeated
 * request, the reconciliation) is a no-op while the job exists.
 */
@Injectable()
export class ExportQueue {
  constructor(
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(exportId: string, draftId: string, format: ExportFormat): Promise<void> {
    await this.queues.add(
      JobName.DraftExport,
      { exportId },
      {
        jobId: exportJobId(draftId, format),
        attempts: this.config.exports.jobAttempts,
        backoff: { type: 'exponential', delay: this.config.exports.retryDelayMs },
      },
    );
  }
}
