import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  connectTestDatabase,
  startApi,
  type RunningApi,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import {
  CollabPeer,
  eventually,
  fingerprint,
  logRows,
  storedDoc,
  aLongHistory,
  anAuthorWithASection,
  sessionCookieOf,
} from './collab-test-client.js';

/** A long update log is merged into a snapshot without changing the text or losing new edits. */

let api: RunningApi;
let db: pg.Client;
let section: TestSection;
let cookie: string;

beforeAll(async () => {
  api = await startApi({ env: { COLLAB_COMPACT_AFTER_UPDATES: '500' } });
  db = await connectTestDatabase();
  let author: TestUser;
  ({ author, section } = await anAuthorWithASection(db));
  cookie = await sessionCookieOf(api.baseUrl, author);
});

afterAll(async () => {
  await db.end();
  await api.stop();
});

describe('compaction', () => {
  it('a section with 10,000 updates loads the same before and after compaction, keeping edits made meanwhile', async () => {
    const original = await aLongHistory(db, section.id, 10_000);
    const before = fingerprint(await storedDoc(db, section.id));
    expect(before).toEqual(fingerprint(original));

    // Opening the section finds the long log and compacts it in the background, while we edit.
    const peer = new CollabPeer(api.baseUrl, cookie, section.id);
    await peer.connect({ reconnection: false });
    await peer.whenSynced();
    expect(fingerprint(peer.doc)).toEqual(before);
    for (let i = 0; i < 20; i += 1) peer.addParagraph(`Added during compaction ${i}.`);
    await peer.settled();
    expect(peer.refused).toEqual([]);

    await eventually(async () => (await logRows(db, section.id)) < 100, 15_000);
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM section_documents WHERE section_id = $1',
      [section.id],
    );
    expect(rows[0]!.n).toBe(1);
    const after = fingerprint(await storedDoc(db, section.id));
    expect(after).toEqual(fingerprint(peer.doc));
    for (let i = 0; i < 20; i += 1) expect(after.xml).toContain(`Added during compaction ${i}.`);
    expect(after.xml).toContain(original.getXmlFragment('content').toString().slice(20, 200));
    // So many deleted rows are vacuumed away rather than walked by the next open.
    await eventually(async () => {
      const { rows: vacuumed } = await db.query<{ at: Date | null }>(
        `SELECT last_vacuum AS at FROM pg_stat_user_tables
          WHERE relname = 'section_updates' AND schemaname = current_schema()`,
      );
      return vacuumed[0]?.at != null;
    }, 15_000);
    peer.close();
  });
});
