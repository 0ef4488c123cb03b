import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  connectTestDatabase,
  startApi,
  type RunningApi,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import { Redis } from 'ioredis';
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

  it('an edit goes to Redis only while another instance holds the section, and an instance opening it later catches up', async () => {
    const { author: writer, section: alone } = await anAuthorWithASection(db);
    const writerCookie = await sessionCookieOf(first.baseUrl, writer);
    const published: string[] = [];
    const listener = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const channel = `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}collab:changes`;
    await listener.subscribe(channel);
    listener.on('messageBuffer', (_channel: Buffer, message: Buffer) => {
      const header = JSON.parse(message.subarray(4, 4 + message.readUInt32BE(0)).toString()) as {
        kind: string;
        sectionId: string;
      };
      if (header.sectionId === alone.id) published.push(header.kind);
    });
    try {
      const onFirst = new CollabPeer(first.baseUrl, writerCookie, alone.id);
      await onFirst.connect({ reconnection: false });
      await onFirst.whenSynced();
      // Until the first instance has read who else holds the section, it publishes everything.
      await new Promise((r) => setTimeout(r, 300));
      const before = published.filter((kind) => kind === 'update').length;
      for (let i = 0; i < 5; i += 1) onFirst.addParagraph(`Typed alone ${i}.`);
      await onFirst.settled();
      await new Promise((r) => setTimeout(r, 200));
      expect(published.filter((kind) => kind === 'update').length).toBe(before);

      const onSecond = new CollabPeer(second.baseUrl, writerCookie, alone.id);
      await onSecond.connect({ reconnection: false });
      await onSecond.whenSynced();
      expect(fingerprint(onSecond.doc)).toEqual(fingerprint(onFirst.doc));
      onFirst.addParagraph('Typed with company.');
      onSecond.addParagraph('Typed on the second instance.');
      await Promise.all([onFirst.settled(), onSecond.settled()]);
      await eventually(
        () =>
          JSON.stringify(fingerprint(onFirst.doc)) === JSON.stringify(fingerprint(onSecond.doc)),
        10_000,
      );
      expect(onFirst.fragment.length).toBe(7);
      expect(published).toContain('hold');
      expect(published.filter((kind) => kind === 'update').length).toBeGreaterThan(before);
      onFirst.close();
      onSecond.close();
    } finally {
      listener.disconnect();
    }
  });
});
