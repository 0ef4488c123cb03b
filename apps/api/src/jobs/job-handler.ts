import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './job-names.js';

/** What a handler may know of the job it runs: which try this is, and a way to report progress. */
export interface JobContext {
  /** 1 for the first try. */
  attempt: number;
  /** Tries allowed in all; on the last one, a failure is final. */
  attempts: number;
  /** Publishes progress (BullMQ job progress), which the API relays to browsers. */
  reportProgress(progress: Record<string, unknown>): Promise<void>;
  /**
   * Whether the worker has been asked to stop (a deploy). A long job whose next run picks up where
   * it left off should end at its next step rather than hold the stop up; others just finish.
   */
  stopping(): boolean;
}

export interface JobHandler<N extends JobName = JobName> {
  readonly name: N;
  /** Re-reads current state and returns early when there is nothing left to do, so a retry is harmless. */
  handle(payload: JobPayloads[N], context: JobContext): Promise<unknown>;
  /**
   * Called once a job has failed for good, including when BullMQ gave up on it without running the
   * handler again (a job whose worker died more often than allowed), so its state can say so.
   */
  failedForGood?(payload: JobPayloads[N], reason: string, context: JobContext): Promise<void>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** The context of a BullMQ job's current try. */
export function jobContextOf(job: Job, stopping: () => boolean = () => false): JobContext {
  return {
    attempt: job.attemptsMade + 1,
    attempts: job.opts.attempts ?? 1,
    reportProgress: (progress) => job.updateProgress(progress),
    stopping,
  };
}
