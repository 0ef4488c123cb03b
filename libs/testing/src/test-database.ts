import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { defaultAdminDatabaseUrl, workspaceRoot } from './workspace.ts';

export interface TestDatabase {
  name: string;
  url: string;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function adminUrl(): string {
  return process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL ?? defaultAdminDatabaseUrl;
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs the API's migrations (from its build) against a database. */
export function migrateDatabase(url: string): void {
  const result = spawnSync(
    process.execPath,
    [join(workspaceRoot, 'apps/api/dist/database/migrate.js'), 'up'],
    {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    throw new Error(`migrations failed (is the API built?):\n${result.stdout}\n${result.stderr}`);
  }
}

/** A new, empty, migrated database for one test run. */
export async function createTestDatabase(prefix = 'commonplan_test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(adminUrl(), name);
  migrateDatabase(url);
  return { name, url };
}

/**
 * A copy of a migrated database nothing is connected to (the run's template): a fraction of a
 * second, against seconds for running the migrations again.
 */
export async function copyTestDatabase(template: string, name: string): Promise<TestDatabase> {
  await withAdminClient((client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`),
  );
  return { name, url: withDatabase(adminUrl(), name) };
}

/** Drops every database whose name starts with `prefix`: what a run left behind. */
export async function dropTestDatabases(prefix: string): Promise<void> {
  const { rows } = await withAdminClient((client) =>
    client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
      [prefix],
    ),
  );
  for (const { datname } of rows) await dropTestDatabase(datname);
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await client.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}

/** A connection to the run's database, for assertions on what was (or was not) written. */
export async function connectTestDatabase(url = testDatabaseUrl()): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Whether this file still uses the run's shared database (it did not call `useOwnDatabase`). */
export function onSharedDatabase(): boolean {
  return process.env.TEST_DATABASE_URL === process.env.TEST_SHARED_DATABASE_URL;
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: run tests through jest with the global setup');
  return url;
}
