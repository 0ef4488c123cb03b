import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createLogger } from '../common/logger.js';
import { ConfigError, EnvReader } from '../config/env-reader.js';
import { databaseConfig } from '../database/database.config.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { seedDemo } from './demo-seed.js';
import { seedConfig } from './seed.config.js';

/** `npm run db:seed`: seeds the demo partnership into DATABASE_URL unless it is there already. */
async function main(): Promise<void> {
  const reader = new EnvReader(process.env);
  const database = databaseConfig(reader);
  const seed = seedConfig(reader);
  reader.check();
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  try {
    await seedDemo(
      dataSource,
      seed.demoPassword,
      createLogger(process.env.LOG_LEVEL ?? 'info', 'seed'),
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
