import type { EnvReader } from '../config/env-reader.js';

/** How often the worker looks for draft schedules that have fallen due. */
export interface DraftSchedulesConfig {
  checkEverySeconds: number;
}

export function draftSchedulesConfig(env: EnvReader): DraftSchedulesConfig {
  return {
    checkEverySeconds: env.integer('DRAFT_SCHEDULES_CHECK_SECONDS', 60, { min: 1, max: 3_600 }),
  };
}
