import type { EnvReader } from '../config/env-reader.js';

export interface DatabaseConfig {
  url: string;
  poolSize: number;
  /** Log every SQL statement (for debugging). */
  logQueries: boolean;
  /** PostgreSQL cancels a statement that runs longer than this (its `statement_timeout`). */
  statementTimeoutMs: number;
  /**
   * The API stops waiting for an answer after this long, even when PostgreSQL never hears the
   * question: a line that hangs rather than breaks would otherwise hold a request for ever.
   */
  queryTimeoutMs: number;
}

export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/commonplan';

export function databaseConfig(env: EnvReader): DatabaseConfig {
  const statementTimeoutMs = env.integer('DATABASE_STATEMENT_TIMEOUT_MS', 30_000, {
    min: 100,
    max: 3_600_000,
  });
  const queryTimeoutMs = env.integer('DATABASE_QUERY_TIMEOUT_MS', statementTimeoutMs + 5_000, {
    min: 100,
    max: 3_600_000,
  });
  if (queryTimeoutMs <= statementTimeoutMs)
    env.problems.push(
      `DATABASE_QUERY_TIMEOUT_MS must be longer than DATABASE_STATEMENT_TIMEOUT_MS (got ${queryTimeoutMs} and ${statementTimeoutMs}), so PostgreSQL gives up on a slow statement before the API does`,
    );
  return {
    url: env.url('DATABASE_URL', defaultDatabaseUrl, ['postgres:', 'postgresql:'])!,
    poolSize: env.integer('DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
    logQueries: env.boolean('DATABASE_LOG_QUERIES', false),
    statementTimeoutMs,
    queryTimeoutMs,
  };
}
