import type { JobContext } from './job-handler.js';

/**
 * A job failure whose message a person (a lead) can read and act on. Any other error is logged and
 * shown as a problem on our side.
 */
export class ReadableJobError extends Error {}

/** Whether a failure now is final: this is the last try BullMQ will make. */
export function isLastAttempt(context: JobContext): boolean {
  return context.attempt >= context.attempts;
}

/**
 * What to tell a person when BullMQ gave up on a job without its handler deciding (its worker died
 * more often than allowed, or something failed outside the handler).
 */
export function reasonWhenGivenUp(reason: string, what: string, unexpected: string): string {
  return /stalled/i.test(reason)
    ? `The worker making this ${what} stopped too many times. Try again.`
    : unexpected;
}
