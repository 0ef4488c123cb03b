import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { testDatabaseUrl, workspaceRoot } from '@commonplan/testing';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { migrations } from '../src/database/migrations/index.js';
import { schemaDiff } from '../src/database/schema-diff.js';

/** The entities and the migrations describe one schema, and the migrations run both ways. */

const run = promisify(execFile);
const migrate = join(workspaceRoot, 'apps/api/dist/database/migrate.js');

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(testDatabaseUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function withDataSource<T>(url: string, work: (source: DataSource) => Promise<T>) {
  const source = new DataSource(
    dataSourceOptions(
      { url, poolSize: 2, logQueries: false, statementTimeoutMs: 0, queryTimeoutMs: 0 },
      { long: true },
    ),
  );
  await source.initialize();
  try {
    return await work(source);
  } finally {
    await source.destroy();
  }
}

async function tablesIn(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('the entities and the migrations agree', () => {
  it('generating a migration from the entities on the migrated database yields nothing', async () => {
    const diff = await withDataSource(testDatabaseUrl(), (source) => schemaDiff(source));
    expect(diff.up).toEqual([]);
  });

  it('the migrated database has no migration pending', async () => {
    expect(await withDataSource(testDatabaseUrl(), (source) => source.showMigrations())).toBe(
      false,
    );
  });
});

async function appliedMigrations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM migrations');
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe('the migrations can be reverted and applied again', () => {
  const name = `commonplan_scratch_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(testDatabaseUrl(), name);
  const migrateCommand = (command: 'up' | 'down' | 'status') =>
    run(process.execPath, [migrate, command], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    });

  beforeAll(async () => {
    await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  });

  afterAll(async () => {
    await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  // One process per migration and direction: a few seconds each on a busy two-core machine.
  it('up, down to nothing, and up again gives the same schema as the entities', async () => {
    await migrateCommand('up');
    const migrated = await tablesIn(url);
    expect(migrated).toEqual(
      expect.arrayContaining(['audit_events', 'footprints', 'plans', 'sections', 'users']),
    );

    // Each `down` reverts exactly the latest migration still applied, until none is left.
    for (let left = migrations.length - 1; left >= 0; left -= 1) {
      await migrateCommand('down');
      expect(await appliedMigrations(url)).toBe(left);
    }
    expect(await tablesIn(url)).toEqual(['migrations']);

    const { stdout } = await migrateCommand('up');
    expect(stdout).toMatch(/applied/);
    expect(await tablesIn(url)).toEqual(migrated);
    await expect(migrateCommand('status')).resolves.toMatchObject({
      stdout: 'the database is up to date\n',
    });
    const diff = await withDataSource(url, (source) => schemaDiff(source));
    expect(diff.up).toEqual([]);
    // A process per step, about two seconds each on a busy 2-core machine, and one more step with
    // every migration added.
  }, 120_000);
});
