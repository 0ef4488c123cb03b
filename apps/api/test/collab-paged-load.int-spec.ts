import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { JoinAck } from '@commonplan/protocol';
import * as Y from 'yjs';
import {
  aLongHistory,
  CollabPeer,
  fingerprint,
  logRows,
  sessionCookieOf,
  storedDoc,
} from './collab-test-client.js';
import { authorBehindDatabaseProxy, type DatabaseFaultSetup } from './fault-test-kit.js';

/**
 * The API reads a section's log in pages, and every page must see the same log. Here a compaction
 * (the snapshot written, the rows deleted, from another connection) commits exactly between the
 * first page and the second, held there by the proxy in front of PostgreSQL: the section must
 * still open with its whole text, read from the log as it stood when loading began.
 */

let setup: DatabaseFaultSetup;
let cookie: string;

beforeAll(async () => {
  // Compaction after 100,000 rows: the API's own compaction stays out of the way of the test's.
  setup = await authorBehindDatabaseProxy(5, { COLLAB_COMPACT_AFTER_UPDATES: '100000' });
  cookie = await sessionCookieOf(setup.api.baseUrl, setup.author);
}, 60_000);

afterAll(() => setup?.close());

/** Compacts a section the way the server does, from the test's own connection. */
async function compactFromOutside(sectionId: string, state: Uint8Array): Promise<void> {
  const { db } = setup;
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO section_documents (section_id, snapshot, snapshot_seq, updated_at)
     SELECT $1, $2, max(seq), now() FROM section_updates WHERE section_id = $1`,
    [sectionId, Buffer.from(state)],
  );
  await db.query('DELETE FROM section_updates WHERE section_id = $1', [sectionId]);
  await db.query('COMMIT');
}

async function open(sectionId: string): Promise<CollabPeer> {
  const peer = new CollabPeer(setup.api.baseUrl, cookie, sectionId);
  const ack = await peer.connect({ reconnection: false });
  expect(ack.ok).toBe(true);
  await peer.whenSynced();
  return peer;
}

describe('loading a section in pages', () => {
  it('sees one state of the log even when a compaction commits between two pages', async () => {
    const sectionId = setup.sectionIds[0]!;
    const original = await aLongHistory(setup.db, sectionId, 6_000);
    const expected = fingerprint(original);
    let compacted = false;
    const held = setup.proxies.database.holdOnce('commonplan-section-log-next-page', async () => {
      await compactFromOutside(sectionId, Y.encodeStateAsUpdate(original));
      compacted = true;
    });

    const peer = await open(sectionId);
    await held;
    expect(compacted).toBe(true);
    // The compaction committed mid-load; the load read the log as it was before it.
    expect(await logRows(setup.db, sectionId)).toBe(0);
    expect(fingerprint(peer.doc)).toEqual(expected);
    peer.addParagraph('Written after the load.');
    await peer.settled();
    expect(peer.refused).toEqual([]);
    const stored = fingerprint(await storedDoc(setup.db, sectionId));
    expect(stored).toEqual(fingerprint(peer.doc));
    peer.close();
  });

  it('refuses to open a section whose log holds bytes that are no update, and goes on working', async () => {
    const broken = setup.sectionIds[1]!;
    await aLongHistory(setup.db, broken, 3_000);
    // A row claiming five clients' changes and then ending: Yjs cannot read it.
    await setup.db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      broken,
      Buffer.from([5]),
    ]);
    const peer = new CollabPeer(setup.api.baseUrl, cookie, broken);
    const ack: JoinAck = await peer.connect({ reconnection: false });
    expect(ack).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    peer.close();

    // No connection went back to the pool mid-transaction: sections open, edits are saved.
    const healthy = setup.sectionIds[2]!;
    for (let i = 0; i < 12; i += 1) {
      const reader = await open(healthy);
      reader.addParagraph(`Paragraph ${i}.`);
      await reader.settled();
      expect(reader.refused).toEqual([]);
      reader.close();
    }
    expect((await storedDoc(setup.db, healthy)).getXmlFragment('content').length).toBe(12);
  });

  it("opens a long log whose rows interleave with another section's, page by page", async () => {
    const [first, second] = [setup.sectionIds[3]!, setup.sectionIds[4]!];
    const histories = [new Y.Doc(), new Y.Doc()];
    const rows: Array<[string, Buffer]> = [];
    histories.forEach((doc, n) => {
      const sectionId = n === 0 ? first : second;
      doc.on('update', (update: Uint8Array) => rows.push([sectionId, Buffer.from(update)]));
    });
    const texts = histories.map((doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      doc.getXmlFragment('content').insert(0, [paragraph]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      return text;
    });
    // Two people typing in two sections at once: their rows alternate in the log, so every page
    // of either section has gaps in its numbers.
    for (let i = 0; i < 7_000; i += 1)
      for (const text of texts) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
    for (let i = 0; i < rows.length; i += 2_000) {
      const chunk = rows.slice(i, i + 2_000);
      await setup.db.query(
        `INSERT INTO section_updates (section_id, update)
         SELECT s, u FROM unnest($1::uuid[], $2::bytea[]) WITH ORDINALITY AS t(s, u, n) ORDER BY n`,
        [chunk.map(([sectionId]) => sectionId), chunk.map(([, update]) => update)],
      );
    }
    for (const [n, sectionId] of [first, second].entries()) {
      const peer = await open(sectionId);
      expect(fingerprint(peer.doc)).toEqual(fingerprint(histories[n]!));
      peer.addParagraph('Written after the load.');
      await peer.settled();
      expect(peer.refused).toEqual([]);
      expect(fingerprint(await storedDoc(setup.db, sectionId))).toEqual(fingerprint(peer.doc));
      peer.close();
    }
  });
});
