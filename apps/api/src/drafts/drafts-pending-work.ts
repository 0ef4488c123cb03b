import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueueName } from '../jobs/job-names.js';
import type { PendingJob, PendingWork } from '../jobs/pending-work.js';
import { draftJobId } from './draft-generate.payload.js';
import { DraftQueue } from './draft-queue.js';

/** Drafts PostgreSQL says are still to be made, for the worker's reconciliation of the queues. */
@Injectable()
export class DraftsPendingWork implements PendingWork {
  readonly queue = QueueName.Drafts;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly draftQueue: DraftQueue,
  ) {}

  async pending(): Promise<PendingJob[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM plan_drafts WHERE status IN ('queued', 'generating') ORDER BY requested_at`,
    );
    return rows.map(({ id }) => ({
      jobId: draftJobId(id),
      enqueue: () => this.draftQueue.enqueue(id),
    }));
  }
}
