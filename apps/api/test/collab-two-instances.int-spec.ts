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
  storedDoc,
  anAuthorWithASection,
  sessionCookieOf,
} from './collab-test-client.js';

/** Two API instances sharing PostgreSQL and Redis: people on either see each other's edits live. */

let first: RunningApi;
let second: RunningApi;
let db: pg.Client;
let section: TestSection;
let cookie: string;

beforeAll(async () => {
  [first, second] = await Promise.all([startApi(), startApi()]);
  db = await connectTestDatabase();
  let author: TestUser;
  ({ author, section } = await anAuthorWithASection(db));
  cookie = await sessionCookieOf(first.baseUrl, author);
});

afterAll(async () => {
  await db.end();
  await Promise.all([first.stop(), second.stop()]);
});

describe('two instances', () => {
  it('clients on different instances converge live, and a late joiner on either sees it all', async () => {
    const peers = [
      ...Array.from({ length: 3 }, () => new CollabPeer(first.baseUrl, cookie, section.id)),
      ...Array.from({ length: 3 }, () => new CollabPeer(second.baseUrl, cookie, section.id)),
    ];
    await Promise.all(peers.map((peer) => peer.connect({ reconnection: false })));
    await Promise.all(peers.map((peer) => peer.whenSynced()));
    for (let round = 0; round < 10; round += 1) {
      peers.forEach((peer, index) => peer.addParagraph(`Instance edit ${round}-${index}.`));
      await new Promise((r) => setTimeout(r, 10));
    }
    await Promise.all(peers.map((peer) => peer.settled()));
    await eventually(() => {
      const prints = peers.map((peer) => JSON.stringify(fingerprint(peer.doc)));
      return prints.every((print) => print === prints[0]);
    }, 10_000);
    expect(peers[0]!.fragment.length).toBe(60);

    for (const api of [first, second]) {
      const late = new CollabPeer(api.baseUrl, cookie, section.id);
      await late.connect({ reconnection: false });
      await late.whenSynced();
      expect(fingerprint(late.doc)).toEqual(fingerprint(peers[0]!.doc));
      late.close();
    }
    expect(fingerprint(await storedDoc(db, section.id))).toEqual(fingerprint(peers[0]!.doc));
    for (const peer of peers) peer.close();
  });
});
