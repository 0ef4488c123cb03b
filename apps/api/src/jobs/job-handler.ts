import type { JobName, JobPayloads } from './job-names.js';

export interface JobHandler<N extends JobName = JobName> {
  readonly name: N;
  /** Re-reads current state and returns early when there is nothing left to do, so a retry is harmless. */
  handle(payload: JobPayloads[N]): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
