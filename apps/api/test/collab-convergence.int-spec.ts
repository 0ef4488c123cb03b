import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  connectTestDatabase,
  startApi,
  type RunningApi,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import * as Y from 'yjs';
import {
  CollabPeer,
  eventually,
  fingerprint,
  seededRandom,
  storedDoc,
  anAuthorWithASection,
  sessionCookieOf,
} from './collab-test-client.js';

/** Many people editing one section at once, dropping off and coming back, end with one text. */

let api: RunningApi;
let db: pg.Client;
let section: TestSection;
let cookie: string;
const random = seededRandom(2021);
const words = [
  'diagnosis',
  'within',
  '28 days',
  'screening',
  'primary care',
  'referral',
  'capacity',
];

function randomEdit(peer: CollabPeer): void {
  const fragment = peer.fragment;
  const choice = random();
  if (fragment.length === 0 || choice < 0.3) {
    peer.addParagraph(
      words[Math.floor(random() * words.length)]!,
      Math.floor(random() * (fragment.length + 1)),
    );
    return;
  }
  const paragraph = fragment.get(Math.floor(random() * fragment.length));
  if (!(paragraph instanceof Y.XmlElement)) return;
  const text = paragraph.get(0);
  if (!(text instanceof Y.XmlText)) return;
  if (choice < 0.8 || text.length < 4) {
    text.insert(
      Math.floor(random() * (text.length + 1)),
      ` ${words[Math.floor(random() * words.length)]}`,
    );
  } else if (choice < 0.95) {
    const at = Math.floor(random() * (text.length - 2));
    text.delete(at, Math.min(3, text.length - at));
  } else {
    fragment.delete(fragment.toArray().indexOf(paragraph), 1);
  }
}

beforeAll(async () => {
  api = await startApi({ env: { COLLAB_COMPACT_AFTER_UPDATES: '300' } });
  db = await connectTestDatabase();
  let author: TestUser;
  ({ author, section } = await anAuthorWithASection(db));
  cookie = await sessionCookieOf(api.baseUrl, author);
});

afterAll(async () => {
  await db.end();
  await api.stop();
});

describe('convergence', () => {
  it('sixteen clients editing at random, with disconnects, end identical to each other, a new client and PostgreSQL', async () => {
    const peers = Array.from({ length: 16 }, () => new CollabPeer(api.baseUrl, cookie, section.id));
    await Promise.all(peers.map((peer) => peer.connect()));
    await Promise.all(peers.map((peer) => peer.whenSynced()));

    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      const peer = peers[Math.floor(random() * peers.length)]!;
      if (random() < 0.02 && peer.socket.connected) {
        // Drop the connection; socket.io brings it back, and the peer rejoins and syncs.
        peer.socket.io.engine.close();
      }
      randomEdit(peer);
      await new Promise((r) => setTimeout(r, 2));
    }
    await eventually(() => peers.every((peer) => peer.socket.connected), 10_000);
    await Promise.all(peers.map((peer) => peer.whenSynced()));
    await Promise.all(peers.map((peer) => peer.settled()));

    const fresh = new CollabPeer(api.baseUrl, cookie, section.id);
    await fresh.connect({ reconnection: false });
    await fresh.whenSynced();
    await eventually(async () => {
      const expected = JSON.stringify(fingerprint(fresh.doc));
      const fromDb = JSON.stringify(fingerprint(await storedDoc(db, section.id)));
      return (
        fromDb === expected &&
        peers.every((peer) => JSON.stringify(fingerprint(peer.doc)) === expected)
      );
    }, 10_000);
    expect(fresh.fragment.length).toBeGreaterThan(0);
    for (const peer of [...peers, fresh]) peer.close();
  });
});
