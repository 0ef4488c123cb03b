import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from './database.config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
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
    extra: { connectionTimeoutMillis: 5000, application_name: 'commonplan' },
  };
}
