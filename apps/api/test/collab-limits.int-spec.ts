import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  type RunningApi,
  type TestUser,
} from '@commonplan/testing';
import { ClientEvent, type CollabError, type JoinAck } from '@commonplan/protocol';
import type pg from 'pg';
import type { Socket } from 'socket.io-client';
import { CollabPeer, connectSocket, emitWithAck, logRows } from './collab-test-client.js';

/** The real-time channel's limits refuse what is past them, with their own codes, and nothing else. */
describe('real-time limits', () => {
  const maxDocumentBytes = 4096;
  const joinsPerSecond = 5;
  let api: RunningApi;
  let db: pg.Client;
  let author: TestUser;
  let cookie: string;
  let planId: string;
  let footprintId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    api = await startApi({
      env: {
        COLLAB_MAX_DOCUMENT_BYTES: String(maxDocumentBytes),
        COLLAB_MAX_SECTIONS_PER_SOCKET: '2',
        COLLAB_MAX_CONNECTIONS_PER_USER: '3',
        COLLAB_JOINS_PER_SECOND: String(joinsPerSecond),
      },
    });
    db = await connectTestDatabase();
    const make = factories(db);
    author = await make.aUser();
    const footprint = await make.aFootprint({ members: { author: [author] } });
    footprintId = footprint.id;
    planId = (await make.aPlan(footprint.id)).id;
    cookie = (await signedIn(new ApiClient(api.baseUrl), author)).sessionCookie!;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await api?.stop();
    await db?.end();
  });

  async function open(): Promise<Socket> {
    const socket = await connectSocket(api.baseUrl, { cookie });
    sockets.push(socket);
    return socket;
  }

  it('refuses an edit that would take a section past its size limit, and keeps what came before', async () => {
    const section = await factories(db).aSection(planId);
    const peer = new CollabPeer(api.baseUrl, cookie, section.id);
    await peer.connect({ reconnection: false });
    await peer.whenSynced();
    peer.addParagraph('Within the limit.');
    expect(await peer.lastSend).toBe(true);
    const rowsBefore = await logRows(db, section.id);

    peer.addParagraph('x'.repeat(maxDocumentBytes * 2));

    expect(await peer.lastSend).toBe(false);
    expect(peer.refused.map((error) => error.code)).toEqual(['document_too_large']);
    expect(await logRows(db, section.id)).toBe(rowsBefore);
    peer.close();

    const reader = new CollabPeer(api.baseUrl, cookie, section.id);
    await reader.connect({ reconnection: false });
    await reader.whenSynced();
    expect(reader.fragment.toString()).toContain('Within the limit.');
    expect(reader.fragment.toString()).not.toContain('xxxx');
    reader.close();
  });

  it('refuses to open more sections on one connection than allowed', async () => {
    const make = factories(db);
    const sections = [
      await make.aSection(planId),
      await make.aSection(planId),
      await make.aSection(planId),
    ];
    const socket = await open();
    const acks: JoinAck[] = [];
    for (const section of sections)
      acks.push(await emitWithAck<JoinAck>(socket, ClientEvent.Join, { sectionId: section.id }));
    expect(acks.map((ack) => ack.ok)).toEqual([true, true, false]);
    expect((acks[2] as { error: CollabError }).error.code).toBe('too_many_sections');
  });

  it('refuses joins past the per-connection rate with rate_limited, and takes them again a second later', async () => {
    const section = await factories(db).aSection(planId);
    const socket = await open();
    const burst = await Promise.all(
      Array.from({ length: joinsPerSecond * 3 }, () =>
        emitWithAck<JoinAck>(socket, ClientEvent.Join, { sectionId: section.id }),
      ),
    );
    expect(burst.filter((ack) => ack.ok)).toHaveLength(joinsPerSecond);
    expect(
      new Set(
        burst.filter((ack) => !ack.ok).map((ack) => (ack as { error: CollabError }).error.code),
      ),
    ).toEqual(new Set(['rate_limited']));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(
      (await emitWithAck<JoinAck>(socket, ClientEvent.Join, { sectionId: section.id })).ok,
    ).toBe(true);
  });

  it('refuses a connection past the per-person limit, and accepts one again when another closes', async () => {
    for (const socket of sockets.splice(0)) socket.close();
    const open3 = [await open(), await open(), await open()];
    await expect(connectSocket(api.baseUrl, { cookie })).rejects.toMatchObject({
      data: { code: 'too_many_connections' },
    });
    open3[0]!.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await open();
    expect(again.connected).toBe(true);
  });

  it('limits connections per person, not per footprint: someone else still gets in', async () => {
    const other = await factories(db).aUser();
    await factories(db).aMembership(footprintId, other.id, 'author');
    const otherCookie = (await signedIn(new ApiClient(api.baseUrl), other)).sessionCookie!;
    const socket = await connectSocket(api.baseUrl, { cookie: otherCookie });
    sockets.push(socket);
    expect(socket.connected).toBe(true);
  });
});
