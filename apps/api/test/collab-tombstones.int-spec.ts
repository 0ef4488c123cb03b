import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  connectTestDatabase,
  startApi,
  type RunningApi,
  type TestSection,
} from '@commonplan/testing';
import type pg from 'pg';
import * as Y from 'yjs';
import {
  anAuthorWithASection,
  CollabPeer,
  eventually,
  fragmentName,
  logRows,
  seededRandom,
  sessionCookieOf,
} from './collab-test-client.js';

/**
 * A section with a long history of text typed and deleted: five people type 200,000 characters
 * in 4,000 updates at random places and delete almost all of it again, in as many updates more.
 * The section opens within a time and memory budget from that log, and again after compaction,
 * whose snapshot (written from the server's document, where Yjs has collected what was deleted)
 * holds none of the deleted text and is a fraction of the log's size.
 */

const metricsToken = 'tombstones-metrics-token';
const typists = 5;
const insertions = 4_000;
const wordLength = 50;
/** The text is kept about this long; everything typed past it is deleted again. */
const keptLength = 2_500;
/** Opening the section, from a newcomer's first packet to having its text. */
const openBudgetMs = 3_000;
/** Growth of the API's live heap with the section open. */
const heapBudgetBytes = 16 * 1024 * 1024;

let api: RunningApi;
let db: pg.Client;
let section: TestSection;
let cookie: string;

interface History {
  updates: Buffer[];
  text: string;
  typed: number;
  deleted: number;
  /** A word that was typed and is wholly deleted since. */
  goneWord: string;
}

/** Types and deletes in turns among several people, every change relayed to all of them. */
function aTombstoneHistory(): History {
  const random = seededRandom(20161215);
  const docs = Array.from({ length: typists }, () => new Y.Doc());
  const updates: Buffer[] = [];
  for (const doc of docs)
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'relay') return;
      updates.push(Buffer.from(update));
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'relay');
    });
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText()]);
  docs[0]!.getXmlFragment(fragmentName).insert(0, [paragraph]);
  const textOf = (doc: Y.Doc) =>
    (doc.getXmlFragment(fragmentName).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  let typed = 0;
  let deleted = 0;
  const words: string[] = [];
  for (let i = 0; i < insertions; i += 1) {
    const text = textOf(docs[i % typists]!);
    const tag = `[w${i}]`;
    const word = `${tag}${'planning and care '.repeat(4)}`.slice(0, wordLength);
    words.push(tag);
    text.insert(Math.floor(random() * (text.length + 1)), word);
    typed += word.length;
    if (text.length > keptLength) {
      const length = Math.min(wordLength, text.length);
      const other = textOf(docs[(i + 1) % typists]!);
      other.delete(Math.floor(random() * (other.length - length + 1)), length);
      deleted += length;
    }
  }
  const text = textOf(docs[0]!).toString();
  const goneWord = words.find((tag) => !text.includes(tag))!;
  return { updates, text, typed, deleted, goneWord };
}

async function openDocuments(): Promise<number> {
  const response = await fetch(`${api.baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  const line = /^commonplan_collab_open_documents (\S+)$/m.exec(await response.text());
  return Number(line![1]);
}

async function liveHeapBytes(): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const { heapUsed, arrayBuffers } = await api.liveHeap();
    readings.push(heapUsed + arrayBuffers);
  }
  return readings.sort((a, b) => a - b)[1]!;
}

/** Opens the section as a newcomer; how long it took and how much the API's heap grew. */
async function open(): Promise<{ ms: number; heapGrowth: number; peer: CollabPeer }> {
  await eventually(async () => (await openDocuments()) === 0, 15_000);
  const before = await liveHeapBytes();
  const started = Date.now();
  const peer = new CollabPeer(api.baseUrl, cookie, section.id);
  await peer.connect({ reconnection: false });
  await peer.whenSynced();
  const ms = Date.now() - started;
  return { ms, heapGrowth: (await liveHeapBytes()) - before, peer };
}

let history: History;

beforeAll(async () => {
  history = aTombstoneHistory();
  api = await startApi({
    heapProbe: true,
    env: {
      METRICS_TOKEN: metricsToken,
      // Opening the section leaves its log as it is; the next edit passes the threshold.
      COLLAB_COMPACT_AFTER_UPDATES: String(history.updates.length + 1),
      COLLAB_IDLE_SECONDS: '1',
      // For the server's own figures: `collab_loaded` (rows, ms) is a debug line.
      LOG_LEVEL: 'debug',
    },
  });
  db = await connectTestDatabase();
  let author;
  ({ author, section } = await anAuthorWithASection(db));
  cookie = await sessionCookieOf(api.baseUrl, author);
  for (let i = 0; i < history.updates.length; i += 2_000)
    await db.query(
      'INSERT INTO section_updates (section_id, update) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n) ORDER BY n',
      [section.id, history.updates.slice(i, i + 2_000)],
    );
}, 60_000);

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

describe('a section with a long history of deleted text', () => {
  it('opens within budget from its log and from its compacted snapshot, which drops the deleted text', async () => {
    const logBytes = history.updates.reduce((sum, update) => sum + update.byteLength, 0);
    expect(history.typed).toBeGreaterThanOrEqual(200_000);
    expect(await logRows(db, section.id)).toBe(history.updates.length);

    const fromLog = await open();
    expect(fromLog.peer.fragment.toString()).toBe(`<paragraph>${history.text}</paragraph>`);

    // One more edit passes the threshold: the log is merged into a snapshot.
    fromLog.peer.addParagraph('Compacted after this.');
    expect(await fromLog.peer.lastSend).toBe(true);
    await eventually(async () => (await logRows(db, section.id)) === 0, 20_000);
    fromLog.peer.close();
    const { rows } = await db.query<{ snapshot: Buffer }>(
      'SELECT snapshot FROM section_documents WHERE section_id = $1',
      [section.id],
    );
    const snapshot = rows[0]!.snapshot;

    const fromSnapshot = await open();
    expect(fromSnapshot.peer.fragment.toString()).toBe(
      `<paragraph>${history.text}</paragraph><paragraph>Compacted after this.</paragraph>`,
    );
    fromSnapshot.peer.close();

    const loads = api.logs.filter((line) => line.event === 'collab_loaded');
    const compaction = api.logs.find((line) => line.event === 'collab_compacted');
    expect(loads.map((line) => line.rows)).toEqual([history.updates.length, 0]);
    console.info(
      `${history.typed.toLocaleString('en-GB')} characters typed and ${history.deleted.toLocaleString('en-GB')} deleted in ${history.updates.length.toLocaleString('en-GB')} updates (${(logBytes / 1024).toFixed(0)} KiB of log); ` +
        `opened from the log in ${fromLog.ms} ms (server load ${String(loads[0]!.ms)} ms, +${(fromLog.heapGrowth / 1048576).toFixed(2)} MiB live heap); ` +
        `compacted in ${String(compaction?.ms)} ms to a ${(snapshot.byteLength / 1024).toFixed(1)} KiB snapshot; opened from it in ${fromSnapshot.ms} ms (server load ${String(loads[1]!.ms)} ms, +${(fromSnapshot.heapGrowth / 1048576).toFixed(2)} MiB)`,
    );
    expect(fromLog.ms).toBeLessThan(openBudgetMs);
    expect(fromSnapshot.ms).toBeLessThan(openBudgetMs);
    expect(fromLog.heapGrowth).toBeLessThan(heapBudgetBytes);
    expect(fromSnapshot.heapGrowth).toBeLessThan(heapBudgetBytes);
    // Yjs collected the deleted characters: the snapshot keeps only the ids and neighbours of
    // what was deleted (so later edits still merge), not the text.
    expect(Buffer.concat(history.updates).includes(history.goneWord)).toBe(true);
    expect(snapshot.includes(history.goneWord)).toBe(false);
    expect(snapshot.byteLength).toBeLessThan(logBytes / 2);
  }, 60_000);
});
