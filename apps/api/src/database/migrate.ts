import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, EnvReader } from '../config/env-reader.js';
import { databaseConfig } from './database.config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * `migrate.js up` applies pending migrations, `down` reverts the latest, `status` lists pending
 * ones (exit 1 when any), `reset` reverts them all and applies them again (development only).
 */
async function main(command: string): Promise<number> {
  const reader = new EnvReader(process.env);
  const config = databaseConfig(reader);
  reader.check();
  // A migration may rewrite a large table: it is not held to the statement limits.
  const dataSource = new DataSource(dataSourceOptions(config, { long: true }));
  await dataSource.initialize();
  try {
    switch (command) {
      case 'up': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        process.stdout.write(
          applied.length
            ? `applied ${applied.map((m) => m.name).join(', ')}\n`
            : 'the database is up to date\n',
        );
        return 0;
      }
      case 'down':
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write('reverted the latest migration\n');
        return 0;
      case 'status': {
        const pending = await dataSource.showMigrations();
        process.stdout.write(pending ? 'migrations are pending\n' : 'the database is up to date\n');
        return pending ? 1 : 0;
      }
      case 'reset': {
        if (process.env.NODE_ENV === 'production')
          throw new Error('reset is refused when NODE_ENV=production');
        const executed = await dataSource
          .query(
            `SELECT count(*)::int AS n FROM ${dataSource.options.migrationsTableName ?? 'migrations'}`,
          )
          .catch(() => [{ n: 0 }]);
        for (let i = 0; i < Number(executed[0]?.n ?? 0); i += 1)
          await dataSource.undoLastMigration({ transaction: 'each' });
        await dataSource.runMigrations({ transaction: 'each' });
        process.stdout.write('reset the database to the latest schema\n');
        return 0;
      }
      default:
        process.stderr.write('usage: migrate.js up|down|status|reset\n');
        return 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2] ?? 'up').then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
