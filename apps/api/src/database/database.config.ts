import type { EnvReader } from '../config/env-reader.js';

export interface DatabaseConfig {
  url: string;
  poolSize: number;
  /** Log every SQL statement (for debugging). */
  logQueries: boolean;
}

export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/commonplan';

export function databaseConfig(env: EnvReader): DatabaseConfig {
  return {
    url: env.url('DATABASE_URL', defaultDatabaseUrl, ['postgres:', 'postgresql:'])!,
    poolSize: env.integer('DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
    logQueries: env.boolean('DATABASE_LOG_QUERIES', false),
  };
}
