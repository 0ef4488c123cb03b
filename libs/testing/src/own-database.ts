import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from '@jest/globals';
import { copyTestDatabase } from './test-database.ts';

/**
 * Gives the test file a database of its own, copied from the run's template before its tests.
 * Needed by every file that starts a worker: a worker acts on the whole database (it queues a job
 * for every draft and export waiting there, makes every draft a schedule says is due, purges
 * sessions), so on the run's shared database it would take up what other files left behind and be
 * busy with their work instead of the test's. Call it at the top of the file, before anything
 * reads `testDatabaseUrl()`.
 */
export function useOwnDatabase(): void {
  let shared: string | undefined;
  beforeAll(async () => {
    const template = process.env.TEST_TEMPLATE_DATABASE_NAME;
    if (!template)
      throw new Error(
        'TEST_TEMPLATE_DATABASE_NAME is not set: run tests through jest with the global setup',
      );
    shared = process.env.TEST_DATABASE_URL;
    const own = await copyTestDatabase(
      template,
      `${template}_own_${randomBytes(3).toString('hex')}`,
    );
    process.env.TEST_DATABASE_URL = own.url;
  }, 60_000);
  // The database itself stays until the run's teardown drops it with the template: jest may run
  // this hook before the file's own, while its connections and processes are still open.
  afterAll(() => {
    process.env.TEST_DATABASE_URL = shared;
  });
}
