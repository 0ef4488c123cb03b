import type { EnvReader } from '../config/env-reader.js';

/** How the worker keeps the queues in line with what PostgreSQL says is waiting. */
export interface JobsConfig {
  /** How often each worker looks for drafts and exports with no job behind them. */
  reconcileEverySeconds: number;
}

export function jobsConfig(env: EnvReader): JobsConfig {
  return {
    reconcileEverySeconds: env.integer('JOBS_RECONCILE_SECONDS', 60, { min: 1, max: 3_600 }),
  };
}
