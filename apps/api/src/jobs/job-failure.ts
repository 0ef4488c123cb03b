import type { JobFailureReason } from '@commonplan/domain';
import { UnrecoverableError } from 'bullmq';
import type { JobContext } from './job-handler.js';

/** The causes a handler (or the worker's payload check) can tell will come back on every try. */
export type PoisonReason = Extract<
  JobFailureReason,
  'damaged_text' | 'draft_not_ready' | 'invalid_payload' | 'unknown_job'
>;

/**
 * A failure that would happen again on every try: the stored data is damaged, the job's payload
 * is not what its handler takes. BullMQ does not retry an `UnrecoverableError`, so the job fails
 * for good at once instead of being tried again with backoff. The message is for a lead to read
 * and act on; `reason` is for operators and names no plan's words. Any other error is taken as
 * passing (a database restarting, a lock lost) and retried as the job's options say.
 */
export class PoisonJobError extends UnrecoverableError {
  constructor(
    readonly reason: PoisonReason,
    message: string,
  ) {
    super(message);
  }
}

/** Whether a failure now is final: this is the last try BullMQ will make. */
export function isLastAttempt(context: JobContext): boolean {
  return context.attempt >= context.attempts;
}

/**
 * What to tell a person when BullMQ gave up on a job without its handler deciding (its worker died
 * more often than allowed, or something failed outside the handler).
 */
/** Whether BullMQ failed the job because its worker died (stalled) more often than allowed. */
export function workerStalled(message: string): boolean {
  return /stalled/i.test(message);
}

export function reasonWhenGivenUp(reason: string, what: string, unexpected: string): string {
  return workerStalled(reason)
    ? `The worker making this ${what} stopped too many times. Try again.`
    : unexpected;
}
