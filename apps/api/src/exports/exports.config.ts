import type { EnvReader } from '../config/env-reader.js';

/** How export jobs are retried, and how long a worker's hold on one lasts. */
export interface ExportsConfig {
  /** Tries before an export is `failed`. */
  jobAttempts: number;
  /** First retry after this long, doubling each time. */
  retryDelayMs: number;
  /** An export whose worker stopped renewing its lock this long ago (it died) is taken up again. */
  jobLockMs: number;
  /**
   * A pause before the finished file is written. Only for tests that stop a worker in the middle
   * of an export; 0 everywhere else, and refused in production.
   */
  pauseBeforeWriteMs: number;
}

export function exportsConfig(env: EnvReader, nodeEnv: string): ExportsConfig {
  return {
    jobAttempts: env.integer('EXPORTS_JOB_ATTEMPTS', 3, { min: 1, max: 50 }),
    retryDelayMs: env.integer('EXPORTS_RETRY_DELAY_MS', 5_000, { min: 10, max: 3_600_000 }),
    jobLockMs: env.integer('EXPORTS_JOB_LOCK_MS', 60_000, { min: 500, max: 600_000 }),
    pauseBeforeWriteMs: env.integer('EXPORTS_PAUSE_BEFORE_WRITE_MS', 0, {
      min: 0,
      max: nodeEnv === 'production' ? 0 : 60_000,
    }),
  };
}
