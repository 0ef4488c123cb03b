import { randomBytes } from 'node:crypto';
import { copyTestDatabase, createTestDatabase } from './test-database.ts';

/**
 * Once per jest run: a fresh database with the migrations applied, and a Redis key prefix of its
 * own, so runs never see each other's data. The database is a copy of a migrated template kept
 * for the run, from which a file that needs a database of its own (`useOwnDatabase`) gets one.
 * The teardown drops them all.
 */
export default async function globalSetup(): Promise<void> {
  const template = await createTestDatabase();
  const database = await copyTestDatabase(template.name, `${template.name}_shared`);
  process.env.TEST_TEMPLATE_DATABASE_NAME = template.name;
  process.env.TEST_DATABASE_URL = database.url;
  process.env.TEST_SHARED_DATABASE_URL = database.url;
  process.env.TEST_REDIS_PREFIX = `cp-test-${randomBytes(4).toString('hex')}:`;
}
