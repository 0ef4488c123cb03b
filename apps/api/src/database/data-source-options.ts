import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from './database.config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

/**
 * Connection options for every process. A statement is cancelled by PostgreSQL after
 * `statementTimeoutMs` and abandoned by the process after `queryTimeoutMs`; a transaction left idle
 * (its process gone quiet mid-way) is ended by PostgreSQL after a minute, releasing its locks; TCP
 * keep-alive notices a peer that vanished. `long` lifts the statement limits, for migrations.
 */
export function dataSourceOptions(
  config: DatabaseConfig,
  { long = false }: { long?: boolean } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    logging: config.logQueries ? 'all' : ['error'],
    poolSize: config.poolSize,
    extra: {
      connectionTimeoutMillis: 5000,
      application_name: 'commonplan',
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      idle_in_transaction_session_timeout: 60_000,
      ...(long
        ? {}
        : { statement_timeout: config.statementTimeoutMs, query_timeout: config.queryTimeoutMs }),
    },
  };
}
