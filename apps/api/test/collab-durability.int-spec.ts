import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, connectTestDatabase, startApi, type RunningApi } from '@commonplan/testing';
import type pg from 'pg';
import {
  anAuthorWithASection,
  CollabPeer,
  eventually,
  fingerprint,
  storedDoc,
} from './collab-test-client.js';
import { signedIn, type TestSection, type TestUser } from '@commonplan/testing';

/** An acknowledged edit survives kill -9 of the API, and clients carry on by themselves. */

let api: RunningApi;
let db: pg.Client;
let section: TestSection;
let author: TestUser;

beforeAll(async () => {
  db = await connectTestDatabase();
  ({ author, section } = await anAuthorWithASection(db));
});

afterAll(async () => {
  await db.end();
  await api?.stop();
});

describe('durability', () => {
  it('keeps every acknowledged edit through kill -9, and clients reconnect and converge', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    api = await startApi({ env: { PORT: String(port) } });
    const cookie = (await signedIn(new ApiClient(api.baseUrl), author)).sessionCookie!;
    const peers = Array.from({ length: 4 }, () => new CollabPeer(api.baseUrl, cookie, section.id));
    const acknowledged = new Set<string>();
    await Promise.all(peers.map((peer) => peer.connect()));
    await Promise.all(peers.map((peer) => peer.whenSynced()));

    let stop = false;
    const writers = peers.map(async (peer, index) => {
      for (let n = 0; !stop; n += 1) {
        const token = `p${index}e${n}`;
        const sentBefore = peer.lastSend;
        peer.addParagraph(`Edit ${token} about the urgent treatment centre.`);
        // The acknowledgement of this very update is what makes the token durable.
        if (peer.lastSend !== sentBefore && (await peer.lastSend)) acknowledged.add(token);
        await new Promise((r) => setTimeout(r, 3));
      }
    });
    await new Promise((r) => setTimeout(r, 700));
    await api.stop('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.size).toBeGreaterThan(20);

    const stored = fingerprint(await storedDoc(db, section.id)).xml;
    const lost = [...acknowledged].filter((token) => !stored.includes(`Edit ${token} `));
    expect(lost).toEqual([]);

    // While the server is down, people keep typing; the same port comes back.
    peers[0]!.addParagraph('Written while the server was away.');
    api = await startApi({ env: { PORT: String(port) } });
    await eventually(() => peers.every((peer) => peer.socket.connected), 10_000);
    await Promise.all(peers.map((peer) => peer.whenSynced()));
    await eventually(async () => {
      const prints = peers.map((peer) => JSON.stringify(fingerprint(peer.doc)));
      const fromDb = JSON.stringify(fingerprint(await storedDoc(db, section.id)));
      return prints.every((print) => print === prints[0] && print === fromDb);
    }, 10_000);
    expect(fingerprint(peers[1]!.doc).xml).toContain('Written while the server was away.');
    for (const peer of peers) peer.close();
  });
});
