import type { QueueName } from './job-names.js';

/** One piece of work PostgreSQL says is waiting for a worker or in one's hands. */
export interface PendingJob {
  /** The id its job has (derived from the row, so adding it twice makes one job). */
  jobId: string;
  /** Adds its job, with the options the feature always queues it with. */
  enqueue(): Promise<void>;
}

/**
 * A feature's work that lives in PostgreSQL and is run by a job (drafts, exports): the worker's
 * reconciliation asks each for what is still `queued` or `generating` and gives every one with no
 * job behind it a job again. Each such feature provides exactly one, listed in the worker module.
 */
export interface PendingWork {
  readonly queue: QueueName;
  pending(): Promise<PendingJob[]>;
}

export const PENDING_WORK = Symbol('PENDING_WORK');
