import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExportFormat } from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { QueueName } from '../jobs/job-names.js';
import type { PendingJob, PendingWork } from '../jobs/pending-work.js';
import { exportJobId } from './draft-export.payload.js';
import { ExportQueue } from './export-queue.js';

/** Exports PostgreSQL says are still to be made, for the worker's reconciliation of the queues. */
@Injectable()
export class ExportsPendingWork implements PendingWork {
  readonly queue = QueueName.Exports;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly exportQueue: ExportQueue,
  ) {}

  async pending(): Promise<PendingJob[]> {
    const rows = await this.dataSource.query<
      Array<{ id: string; draft_id: string; format: ExportFormat }>
    >(
      `SELECT id, draft_id, format FROM draft_exports
        WHERE status IN ('queued', 'generating') ORDER BY requested_at`,
    );
    return rows.map((row) => ({
      jobId: exportJobId(row.draft_id, row.format),
      enqueue: () => this.exportQueue.enqueue(row.id, row.draft_id, row.format),
    }));
  }
}
