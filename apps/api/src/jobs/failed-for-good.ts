import type { FailedJobSubject, JobFailureKind, JobFailureReason } from '@commonplan/domain';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { recordFailedForGood } from './failed-jobs.js';
import { PoisonJobError, workerStalled } from './job-failure.js';
import { jobContextOf, type JobHandler } from './job-handler.js';
import { JobName, type QueueName } from './job-names.js';
import { isPayloadOf } from './job-payloads.js';

export interface FinalFailure {
  kind: JobFailureKind;
  reason: JobFailureReason;
}

/**
 * Whether a failed try was the job's last, and why; null when BullMQ will try it again. Called
 * after BullMQ moved the job, so `attemptsMade` already counts this try.
 */
export function finalFailure(
  job: { attemptsMade: number; opts: { attempts?: number } },
  error: Error,
): FinalFailure | null {
  if (error instanceof PoisonJobError) return { kind: 'unrecoverable', reason: error.reason };
  // BullMQ's own: a job whose worker died more often than allowed is failed on its next pick-up.
  if (error instanceof UnrecoverableError)
    return {
      kind: 'gave_up',
      reason: workerStalled(error.message) ? 'worker_stalled' : 'unexpected',
    };
  if (job.attemptsMade >= (job.opts.attempts ?? 1))
    return { kind: 'gave_up', reason: 'unexpected' };
  return null;
}

/** The draft or export a job was making, when its payload is valid and names one. */
export function subjectOf(name: string, data: unknown): FailedJobSubject | null {
  if (name === JobName.DraftGenerate && isPayloadOf(JobName.DraftGenerate, data))
    return { kind: 'draft', id: data.draftId };
  if (name === JobName.DraftExport && isPayloadOf(JobName.DraftExport, data))
    return { kind: 'export', id: data.exportId };
  return null;
}

/**
 * What the worker does once a job has failed for good, whichever way it came to that: counts it
 * and records it for operators, logs `job_failed_for_good`, and runs the handler's
 * `failedForGood` so the draft or export says so (a no-op when the handler already marked it,
 * since marking only changes a row that is still queued or generating). A job whose payload is not
 * valid has no handler to tell.
 */
export class FailedForGood {
  constructor(
    private readonly redis: Redis,
    private readonly registry: ReadonlyMap<JobName, JobHandler>,
    private readonly logger: Logger,
  ) {}

  async onFailed(queue: QueueName, job: Job, error: Error): Promise<void> {
    const failure = finalFailure(job, error);
    if (!failure) return;
    const record = {
      queue,
      jobName: job.name,
      jobId: job.id ?? '',
      subject: subjectOf(job.name, job.data),
      attempts: job.attemptsMade,
      failedAt: new Date(job.finishedOn ?? Date.now()).toISOString(),
      ...failure,
    };
    this.logger.error({ event: 'job_failed_for_good', ...record }, 'job failed for good');
    await Promise.all([
      recordFailedForGood(this.redis, record).catch((recordError: unknown) =>
        this.logger.warn(
          { event: 'failed_job_record_failed', queue, id: job.id, err: recordError },
          'could not record a job that failed for good',
        ),
      ),
      this.tellHandler(job, error),
    ]);
  }

  private async tellHandler(job: Job, error: Error): Promise<void> {
    const handler = this.registry.get(job.name as JobName);
    if (!handler?.failedForGood || !isPayloadOf(handler.name, job.data)) return;
    await handler
      .failedForGood(job.data, error.message, jobContextOf(job))
      .catch((hookError: unknown) =>
        this.logger.error(
          { queue: job.queueName, id: job.id, err: hookError },
          'failure hook failed',
        ),
      );
  }
}
