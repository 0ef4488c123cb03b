import type { EnvReader } from '../config/env-reader.js';

/** How draft jobs are retried, and how long a worker's hold on a job lasts. */
export interface DraftsConfig {
  /** Tries before a draft is `failed`. */
  jobAttempts: number;
  /** First retry after this long, doubling each time. */
  retryDelayMs: number;
  /** A job whose worker stopped renewing its lock this long ago (it died) is taken up again. */
  jobLockMs: number;
  /**
   * A pause after each section is rendered. Only for tests that stop a worker half way through a
   * draft; 0 everywhere else, and refused in production.
   */
  pausePerSectionMs: number;
}

export function draftsConfig(env: EnvReader, nodeEnv: string): DraftsConfig {
  const pausePerSectionMs = env.integer('DRAFTS_PAUSE_PER_SECTION_MS', 0, {
    min: 0,
    max: nodeEnv === 'production' ? 0 : 60_000,
  });
  return {
    jobAttempts: env.integer('DRAFTS_JOB_ATTEMPTS', 5, { min: 1, max: 50 }),
    retryDelayMs: env.integer('DRAFTS_RETRY_DELAY_MS', 5_000, { min: 10, max: 3_600_000 }),
    jobLockMs: env.integer('DRAFTS_JOB_LOCK_MS', 30_000, { min: 500, max: 600_000 }),
    pausePerSectionMs,
  };
}
