import { randomBytes } from 'node:crypto';
import { createTestDatabase } from './test-database.ts';

/**
 * Once per jest run: a fresh database with the migrations applied, and a Redis key prefix of its
 * own, so runs never see each other's data. The teardown drops both.
 */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  process.env.TEST_DATABASE_URL = database.url;
  process.env.TEST_DATABASE_NAME = database.name;
  process.env.TEST_REDIS_PREFIX = `cp-test-${randomBytes(4).toString('hex')}:`;
}
