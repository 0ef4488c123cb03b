/**
 * The run's own database: created and migrated with the API's build, seeded straight through SQL,
 * and dropped at the end. Written here rather than imported from libs/testing, whose sources are
 * TypeScript loaded by jest; the bench runs as plain compiled JavaScript under Node.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import argon2 from 'argon2';
import pg from 'pg';
import { defaultAdminDatabaseUrl, workspaceRoot } from './workspace.js';

export interface BenchDatabase {
  name: string;
  url: string;
}

export const benchPassword = 'bench horse battery staple';

function adminUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? defaultAdminDatabaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `commonplan_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const result = spawnSync(
    process.execPath,
    [join(workspaceRoot, 'apps/api/dist/database/migrate.js'), 'up'],
    {
      env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    await dropBenchDatabase(name);
    throw new Error(`migrations failed (is the API built?):\n${result.stdout}\n${result.stderr}`);
  }
  return { name, url: url.toString() };
}

export async function dropBenchDatabase(name: string): Promise<void> {
  await withAdmin(async (client) => {
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await client.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}

export interface SeededPlan {
  footprintId: string;
  planId: string;
  authors: string[];
}

/** A footprint with `authorCount` authors (all with `benchPassword`) and one plan. */
export async function seedPlan(db: pg.Client, authorCount: number): Promise<SeededPlan> {
  const hash = await argon2.hash(benchPassword, { type: argon2.argon2id });
  const suffix = randomBytes(3).toString('hex');
  const { rows: footprints } = await db.query<{ id: string }>(
    'INSERT INTO footprints (name, slug, region, population) VALUES ($1, $2, $3, $4) RETURNING id',
    [`Bench Footprint ${suffix}`, `bench-footprint-${suffix}`, 'South West', 500_000],
  );
  const footprintId = footprints[0]!.id;
  const emails = Array.from(
    { length: authorCount },
    (_, index) => `bench-author-${index}-${suffix}@example.nhs.uk`,
  );
  const { rows: users } = await db.query<{ id: string }>(
    `INSERT INTO users (email, name, password_hash)
     SELECT email, 'Bench Author ' || n, $2 FROM unnest($1::text[]) WITH ORDINALITY AS t(email, n)
     RETURNING id`,
    [emails, hash],
  );
  await db.query(
    `INSERT INTO memberships (footprint_id, user_id, role)
     SELECT $1, id, 'author' FROM unnest($2::uuid[]) AS t(id)`,
    [footprintId, users.map((user) => user.id)],
  );
  const { rows: plans } = await db.query<{ id: string }>(
    `INSERT INTO plans (footprint_id, title, slug, kind, period_start, period_end, status)
     VALUES ($1, $2, $3, 'sustainability_and_transformation_plan', '2016/17', '2020/21', 'drafting')
     RETURNING id`,
    [footprintId, `Bench Plan ${suffix}`, `bench-plan-${suffix}`],
  );
  return { footprintId, planId: plans[0]!.id, authors: emails };
}

/** `count` sections at the end of the plan; returns their ids in order. */
export async function seedSections(
  db: pg.Client,
  planId: string,
  count: number,
  label: string,
): Promise<string[]> {
  const { rows: last } = await db.query<{ next: number }>(
    'SELECT COALESCE(MAX(position) + 1, 0)::int AS next FROM sections WHERE plan_id = $1',
    [planId],
  );
  const start = last[0]!.next;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sections (plan_id, position, title, theme, review_status)
     SELECT $1, $2 + n - 1, $3 || ' ' || n, 'care_and_quality', 'draft'
       FROM generate_series(1, $4::int) AS n
     ORDER BY n
     RETURNING id`,
    [planId, start, label, count],
  );
  return rows.map((row) => row.id);
}

/** Appends Yjs updates to sections' logs, as the server would have written them. */
export async function appendUpdates(
  db: pg.Client,
  entries: Array<{ sectionId: string; update: Uint8Array }>,
): Promise<void> {
  const batch = 2_000;
  for (let start = 0; start < entries.length; start += batch) {
    const slice = entries.slice(start, start + batch);
    await db.query(
      `INSERT INTO section_updates (section_id, update)
       SELECT t.section_id, t.update
         FROM unnest($1::uuid[], $2::bytea[]) WITH ORDINALITY AS t(section_id, update, n)
        ORDER BY t.n`,
      [slice.map((entry) => entry.sectionId), slice.map((entry) => Buffer.from(entry.update))],
    );
  }
}

export async function logRows(db: pg.Client, sectionId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM section_updates WHERE section_id = $1',
    [sectionId],
  );
  return rows[0]!.n;
}
