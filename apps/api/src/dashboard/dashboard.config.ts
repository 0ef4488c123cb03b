import type { EnvReader } from '../config/env-reader.js';

/** How the words-per-day history behind the dashboard's chart is kept. */
export interface DashboardConfig {
  /** How often the worker records the word count of every section changed since it last looked. */
  wordsEverySeconds: number;
}

export function dashboardConfig(env: EnvReader): DashboardConfig {
  return {
    wordsEverySeconds: env.integer('DASHBOARD_WORDS_EVERY_SECONDS', 600, { min: 1, max: 86_400 }),
  };
}
