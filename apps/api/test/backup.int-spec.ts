import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  testDatabaseUrl,
  workspaceRoot,
  type RunningApi,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import pg from 'pg';
import {
  CollabPeer,
  fingerprint,
  logRows,
  sessionCookieOf,
  storedDoc,
} from './collab-test-client.js';

/**
 * A backup is only as good as its restore: sections with text are dumped with scripts/backup.sh,
 * restored with scripts/restore.sh into a new database, and an API started on that database
 * serves every section exactly as before.
 */

const restoredName = `commonplan_restored_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const restoredUrl = (() => {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${restoredName}`;
  return url.toString();
})();

let api: RunningApi;
let restoredApi: RunningApi | undefined;
let db: pg.Client;
let author: TestUser;
let sections: TestSection[];
const original = new Map<string, { xml: string; stateVector: string; rest: unknown }>();
let dumpFile: string;

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('bash', [join(workspaceRoot, script), ...args], {
    cwd: workspaceRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

async function writeText(section: TestSection, paragraphs: string[]): Promise<void> {
  const peer = new CollabPeer(api.baseUrl, await sessionCookieOf(api.baseUrl, author), section.id);
  try {
    await peer.connect();
    await peer.whenSynced();
    for (const text of paragraphs) peer.addParagraph(text);
    await peer.settled();
    expect(await peer.lastSend).toBe(true);
  } finally {
    peer.close();
  }
}

async function textThroughApi(baseUrl: string, sectionId: string) {
  const peer = new CollabPeer(baseUrl, await sessionCookieOf(baseUrl, author), sectionId);
  try {
    const joined = await peer.connect();
    expect(joined.ok).toBe(true);
    await peer.whenSynced();
    return fingerprint(peer.doc);
  } finally {
    peer.close();
  }
}

beforeAll(async () => {
  api = await startApi({ env: { COLLAB_COMPACT_AFTER_UPDATES: '5' } });
  db = await connectTestDatabase();
  const f = factories(db);
  author = await f.aUser();
  const footprint = await f.aFootprint({ members: { lead: [author] } });
  const plan = await f.aPlan(footprint.id);
  sections = [await f.aSection(plan.id), await f.aSection(plan.id), await f.aSection(plan.id)];
  // One section long enough to have been compacted into a snapshot, one short, one empty.
  await writeText(
    sections[0]!,
    Array.from({ length: 12 }, (_, i) => `Priority ${i + 1}: care closer to home, £${i}m`),
  );
  await writeText(sections[1]!, ['Our partnership will publish its plan in March.']);
  const lead = await signedIn(new ApiClient(api.baseUrl), author);
  for (const section of sections) {
    const doc = await storedDoc(db, section.id);
    original.set(section.id, {
      ...fingerprint(doc),
      rest: (await lead.get(`/api/sections/${section.id}`)).body,
    });
  }
  dumpFile = join(mkdtempSync(join(tmpdir(), 'cp-backup-')), 'commonplan.dump');
}, 60_000);

afterAll(async () => {
  await restoredApi?.stop();
  await api?.stop();
  await db?.end();
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${restoredName}"`).catch(() => undefined);
  await admin.end();
});

describe('backing up and restoring', () => {
  it('the section text is in the database that is backed up', async () => {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM section_documents WHERE section_id = $1',
      [sections[0]!.id],
    );
    expect(rows[0]!.n).toBe(1);
    expect(await logRows(db, sections[1]!.id)).toBeGreaterThan(0);
    expect(original.get(sections[0]!.id)!.xml).toContain('Priority 12');
  });

  it('scripts/backup.sh writes a custom-format dump', () => {
    const { code, out } = run('scripts/backup.sh', [dumpFile], { DATABASE_URL: testDatabaseUrl() });
    expect([code, out]).toEqual([0, expect.stringContaining(`backup written to ${dumpFile}`)]);
    expect(statSync(dumpFile).size).toBeGreaterThan(1000);
    const header = spawnSync('head', ['-c', '5', dumpFile], { encoding: 'latin1' }).stdout;
    expect(header).toBe('PGDMP');
  });

  it('scripts/restore.sh restores into a new database and refuses one that exists', () => {
    const first = run('scripts/restore.sh', [dumpFile, restoredUrl]);
    expect([first.code, first.out]).toEqual([0, expect.stringContaining(`into ${restoredName}`)]);
    const again = run('scripts/restore.sh', [dumpFile, restoredUrl]);
    expect(again.code).toBe(73);
    expect(again.out).toContain('already exists');
  });

  it('an API on the restored database serves every section exactly as before', async () => {
    restoredApi = await startApi({
      env: {
        DATABASE_URL: restoredUrl,
        REDIS_PREFIX: `cp-test-restored-${randomBytes(3).toString('hex')}:`,
      },
    });
    const lead = await signedIn(new ApiClient(restoredApi.baseUrl), author);
    for (const section of sections) {
      const before = original.get(section.id)!;
      const served = await textThroughApi(restoredApi.baseUrl, section.id);
      expect(served.xml).toBe(before.xml);
      expect(served.stateVector).toBe(before.stateVector);
      expect((await lead.get(`/api/sections/${section.id}`)).body).toEqual(before.rest);
    }
  });

  it('the audit trail stays append-only in the restored database', async () => {
    const restored = new pg.Client({ connectionString: restoredUrl });
    await restored.connect();
    try {
      await expect(restored.query('DELETE FROM audit_events')).rejects.toThrow();
    } finally {
      await restored.end();
    }
  });
});
