import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientEvent, ServerEvent } from '@commonplan/protocol';
import {
  connectTestDatabase,
  factories,
  startApi,
  type RunningApi,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import { PacketType, type Packet } from 'socket.io-parser';
import type { Socket } from 'socket.io-client';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  anAuthorWithASection,
  CollabPeer,
  connectSocket,
  eventually,
  logRows,
  sessionCookieOf,
} from './collab-test-client.js';
import { RawSocketIo } from './raw-socket-io.js';

/**
 * Messages sent before the handshake has finished: the namespace's CONNECT is answered only once
 * the session cookie has been looked up in PostgreSQL, and a hostile program need not wait for it.
 * Whatever it sends meanwhile is dropped or refused and changes nothing; the connection slots the
 * person holds stay exact, however the connection ends; everyone else carries on.
 */

const maxConnections = 5;
let api: RunningApi;
let db: pg.Client;
let author: TestUser;
let section: TestSection;
let cookie: string;
let bystander: CollabPeer;

function anUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('content').insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

function aPresence(name: string): Uint8Array {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState({ user: { name } });
  const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
  awareness.destroy();
  return update;
}

function rawHeaders(): Record<string, string> {
  return { cookie: `cp_session=${cookie}`, origin: api.baseUrl };
}

const isAck = (packet: Packet) => packet.type === PacketType.ACK;
const isConnectAnswer = (packet: Packet) =>
  packet.type === PacketType.CONNECT || packet.type === PacketType.CONNECT_ERROR;

/** Opens as many sockets as the person may hold at once; fails if any is refused. */
async function allSlotsFree(): Promise<void> {
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < maxConnections; i += 1)
      sockets.push(await connectSocket(api.baseUrl, { cookie }));
    await expect(connectSocket(api.baseUrl, { cookie })).rejects.toMatchObject({
      data: { code: 'too_many_connections' },
    });
  } finally {
    for (const socket of sockets) socket.close();
  }
  // Closed sockets give their slots back once the server has seen them go.
  await eventually(async () => {
    const probe = await connectSocket(api.baseUrl, { cookie }).catch(() => null);
    probe?.close();
    return probe !== null;
  });
}

beforeAll(async () => {
  api = await startApi({ env: { COLLAB_MAX_CONNECTIONS_PER_USER: String(maxConnections) } });
  db = await connectTestDatabase();
  ({ author, section } = await anAuthorWithASection(db));
  cookie = await sessionCookieOf(api.baseUrl, author);
  // Someone else in the section all along, whose editing must not notice any of this.
  const colleague = await factories(db).aUser();
  const { rows } = await db.query<{ footprint_id: string }>(
    'SELECT footprint_id FROM plans WHERE id = $1',
    [section.planId],
  );
  await factories(db).aMembership(rows[0]!.footprint_id, colleague.id, 'author');
  bystander = new CollabPeer(
    api.baseUrl,
    await sessionCookieOf(api.baseUrl, colleague),
    section.id,
  );
  await bystander.connect({ reconnection: false });
  await bystander.whenSynced();
}, 30_000);

afterAll(async () => {
  bystander?.close();
  await db?.end();
  await api?.stop();
});

describe('messages sent before the handshake is answered', () => {
  it('events in the same write as CONNECT close that connection, are never applied and leak no slot', async () => {
    const rowsBefore = await logRows(db, section.id);
    // More rounds than the person has connection slots: a slot kept by any of them shows below.
    for (let round = 0; round < maxConnections * 4; round += 1) {
      const raw = await RawSocketIo.open(api.baseUrl, rawHeaders());
      raw.burst(() => {
        raw.connect();
        raw.emit(ClientEvent.Update, { sectionId: section.id, update: anUpdate('early') }, 1);
        raw.emit(ClientEvent.Join, { sectionId: section.id }, 2);
        raw.emit(ClientEvent.Awareness, { sectionId: section.id, update: aPresence('Early bird') });
      });
      expect(await raw.whenClosed()).toBe(true);
      expect(raw.arrived.packets).toEqual([]);
    }
    await allSlotsFree();
    expect(await logRows(db, section.id)).toBe(rowsBefore);
    expect(bystander.fragment.toString()).not.toContain('early');
  });

  it('events sent one by one behind CONNECT are refused or dropped, whichever comes first', async () => {
    const rowsBefore = await logRows(db, section.id);
    const outcomes = { closed: 0, refusedAsNotJoined: 0 };
    for (let round = 0; round < maxConnections * 2; round += 1) {
      const raw = await RawSocketIo.open(api.baseUrl, rawHeaders());
      raw.connect();
      raw.emit(ClientEvent.Update, { sectionId: section.id, update: anUpdate('one by one') }, 1);
      raw.emit(ClientEvent.Awareness, { sectionId: section.id, update: aPresence('Early bird') });
      const answer = await raw.next((p) => isAck(p) && p.id === 1, 2_000);
      if (answer) {
        // The frames came after the CONNECT answer: an ordinary update from a socket not in the section.
        expect((answer.data as [{ ok: boolean; error?: { code: string } }])[0]).toMatchObject({
          ok: false,
          error: { code: 'not_joined' },
        });
        outcomes.refusedAsNotJoined += 1;
      } else {
        expect(raw.arrived.closed).toBe(true);
        outcomes.closed += 1;
      }
      raw.close();
      await raw.whenClosed();
    }
    console.info(`events one by one behind CONNECT: ${JSON.stringify(outcomes)}`);
    await allSlotsFree();
    expect(await logRows(db, section.id)).toBe(rowsBefore);
  });

  it('events with no CONNECT at all close the connection', async () => {
    const raw = await RawSocketIo.open(api.baseUrl, rawHeaders());
    raw.emit(ClientEvent.Join, { sectionId: section.id }, 1);
    raw.emit(ClientEvent.Update, { sectionId: section.id, update: anUpdate('no connect') }, 2);
    expect(await raw.whenClosed()).toBe(true);
    expect(raw.arrived.packets.filter(isAck)).toEqual([]);
  });

  it('a connection closed while its handshake is being checked gives its slot back', async () => {
    for (let round = 0; round < maxConnections * 4; round += 1) {
      const raw = await RawSocketIo.open(api.baseUrl, rawHeaders());
      raw.connect();
      raw.close();
      await raw.whenClosed();
    }
    // The server has finished each handshake check by the time a later connection is answered.
    await allSlotsFree();
  });

  it('CONNECT sent twice at once counts both connections and frees both', async () => {
    for (let round = 0; round < maxConnections; round += 1) {
      const raw = await RawSocketIo.open(api.baseUrl, rawHeaders());
      raw.burst(() => {
        raw.connect();
        raw.connect();
      });
      await raw.next(isConnectAnswer);
      raw.close();
      await raw.whenClosed();
    }
    await allSlotsFree();
  });

  it('an update and presence in the same write as a join, before its answer, are refused as not joined', async () => {
    const rowsBefore = await logRows(db, section.id);
    const raw = await RawSocketIo.open(api.baseUrl, rawHeaders());
    raw.connect();
    expect((await raw.next(isConnectAnswer))?.type).toBe(PacketType.CONNECT);
    raw.burst(() => {
      raw.emit(ClientEvent.Join, { sectionId: section.id }, 1);
      raw.emit(
        ClientEvent.Update,
        { sectionId: section.id, update: anUpdate('before the ack') },
        2,
      );
      raw.emit(ClientEvent.Awareness, { sectionId: section.id, update: aPresence('Too soon') });
    });
    const joinAck = await raw.next((p) => isAck(p) && p.id === 1);
    const updateAck = await raw.next((p) => isAck(p) && p.id === 2);
    const presenceError = await raw.next(
      (p) => p.type === PacketType.EVENT && (p.data as unknown[])[0] === ServerEvent.Error,
    );
    expect((joinAck?.data as [{ ok: boolean }])[0].ok).toBe(true);
    expect((updateAck?.data as [{ ok: boolean; error?: { code: string } }])[0]).toMatchObject({
      ok: false,
      error: { code: 'not_joined' },
    });
    expect((presenceError?.data as [string, { code: string }])[1].code).toBe('not_joined');
    expect(await logRows(db, section.id)).toBe(rowsBefore);

    // The same connection works normally once joined.
    raw.emit(ClientEvent.Update, { sectionId: section.id, update: anUpdate('after the ack') }, 3);
    const accepted = await raw.next((p) => isAck(p) && p.id === 3);
    expect((accepted?.data as [{ ok: boolean }])[0].ok).toBe(true);
    expect(await logRows(db, section.id)).toBe(rowsBefore + 1);
    await eventually(() => bystander.fragment.toString().includes('after the ack'));
    expect(bystander.fragment.toString()).not.toContain('before the ack');
    raw.close();
  });

  it('keeps serving everyone: the bystander still edits and the API is healthy', async () => {
    bystander.addParagraph('The bystander carries on writing.');
    expect(await bystander.lastSend).toBe(true);
    expect(bystander.socket.connected).toBe(true);
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
    expect(api.process.exitCode).toBeNull();
  });
});
