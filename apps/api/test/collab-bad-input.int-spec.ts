import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  connectTestDatabase,
  startApi,
  type RunningApi,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import {
  ClientEvent,
  ServerEvent,
  type CollabError,
  type JoinAck,
  type UpdateAck,
} from '@commonplan/protocol';
import type pg from 'pg';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import {
  CollabPeer,
  connectSocket,
  emitWithAck,
  fingerprint,
  logRows,
  nextError,
  seededRandom,
  storedDoc,
  anAuthorWithASection,
  sessionCookieOf,
} from './collab-test-client.js';

/**
 * Whatever arrives on the socket, the server answers with a code, stays up, and leaves the
 * section's text exactly as it was, in memory and in PostgreSQL.
 */

const maxUpdateBytes = 64 * 1024;
let api: RunningApi;
let db: pg.Client;
let section: TestSection;
let cookie: string;
let writer: CollabPeer;
let raw: Socket;
const random = seededRandom(20160401);

function bytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/** A real update made against the section's current text. */
function validUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc));
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('content').insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

async function send(update: unknown): Promise<UpdateAck> {
  return emitWithAck<UpdateAck>(raw, ClientEvent.Update, { sectionId: section.id, update });
}

async function serverState(): Promise<{ stateVector: string; xml: string }> {
  const reader = new CollabPeer(api.baseUrl, cookie, section.id);
  await reader.connect({ reconnection: false });
  await reader.whenSynced();
  const state = fingerprint(reader.doc);
  reader.close();
  return state;
}

beforeAll(async () => {
  api = await startApi({
    env: { COLLAB_MAX_UPDATE_BYTES: String(maxUpdateBytes), COLLAB_UPDATES_PER_SECOND: '1000' },
  });
  db = await connectTestDatabase();
  let author: TestUser;
  ({ author, section } = await anAuthorWithASection(db));
  cookie = await sessionCookieOf(api.baseUrl, author);
  writer = new CollabPeer(api.baseUrl, cookie, section.id);
  await writer.connect({ reconnection: false });
  await writer.whenSynced();
  writer.addParagraph(
    'Where we are: the 62-day standard was missed in eight months of the last year.',
  );
  await writer.settled();
  raw = await connectSocket(api.baseUrl, { cookie });
  await emitWithAck(raw, ClientEvent.Join, { sectionId: section.id });
});

afterAll(async () => {
  writer.close();
  raw.close();
  await db.end();
  await api.stop();
});

describe('updates the server refuses', () => {
  it('answers each bad update with its code and changes nothing', async () => {
    const before = await serverState();
    const rowsBefore = await logRows(db, section.id);
    const valid = validUpdate('This should never be applied.');
    const cases: Array<[string, unknown, string]> = [
      ['empty', new Uint8Array(0), 'update_empty'],
      ['oversized', new Uint8Array(maxUpdateBytes + 1), 'update_too_large'],
      ['a string', 'AQID', 'invalid_payload'],
      ['an array of numbers', [1, 2, 3], 'invalid_payload'],
      ['an object', { 0: 1, length: 1 }, 'invalid_payload'],
      ['a number', 42, 'invalid_payload'],
      ['null', null, 'invalid_payload'],
      ['a socket.io placeholder', { _placeholder: true, num: 0 }, 'invalid_payload'],
    ];
    for (let cut = 1; cut < valid.byteLength; cut += Math.max(1, Math.floor(valid.byteLength / 12)))
      cases.push([`truncated at ${cut}`, valid.slice(0, cut), 'update_malformed']);
    for (let i = 0; i < 40; i += 1)
      cases.push([`random bytes ${i}`, bytes(1 + Math.floor(random() * 200)), 'update_malformed']);
    // An update from a client's future: it depends on structs the server never saw.
    const future = new Y.Doc();
    future.getXmlFragment('content').insert(0, [new Y.XmlElement('paragraph')]);
    const early = Y.encodeStateVector(future);
    future.getXmlFragment('content').insert(1, [new Y.XmlElement('paragraph')]);
    cases.push([
      'a gap in a client clock',
      Y.encodeStateAsUpdate(future, early),
      'update_out_of_order',
    ]);

    for (const [title, update, code] of cases) {
      const answer = await send(update);
      if (answer.ok) throw new Error(`${title} was accepted`);
      // Random bytes can, rarely, be a harmless empty update; they must never change the text.
      if (!title.startsWith('random')) expect([title, answer.error.code]).toEqual([title, code]);
    }
    expect(await serverState()).toEqual(before);
    expect(await logRows(db, section.id)).toBe(rowsBefore);
    expect(fingerprint(await storedDoc(db, section.id)).xml).toBe(before.xml);
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
  });

  it('answers malformed messages without a crash, with or without an acknowledgement', async () => {
    const answers = await Promise.all([
      emitWithAck<UpdateAck>(raw, ClientEvent.Update, null),
      emitWithAck<UpdateAck>(raw, ClientEvent.Update, 'section'),
      emitWithAck<UpdateAck>(raw, ClientEvent.Update, {
        sectionId: 42,
        update: new Uint8Array([1]),
      }),
      emitWithAck<UpdateAck>(raw, ClientEvent.Join, { sectionId: "1' OR 1=1" }),
    ]);
    for (const answer of answers)
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const noAck = nextError(raw);
    raw.emit(ClientEvent.Update, { sectionId: section.id, update: 'text' });
    expect((await noAck).code).toBe('invalid_payload');
    const badVector = nextError(raw);
    raw.emit(ClientEvent.SyncStep1, {
      sectionId: section.id,
      stateVector: new Uint8Array([255, 255, 255]),
    });
    expect((await badVector).code).toBe('invalid_payload');
    const badAwareness = nextError(raw);
    raw.emit(ClientEvent.Awareness, { sectionId: section.id, update: bytes(30) });
    expect((await badAwareness).code).toBe('awareness_malformed');
    const unknown = nextError(raw);
    raw.emit('section:delete-everything', { sectionId: section.id });
    expect((await unknown).code).toBe('unknown_event');
    raw.emit(ClientEvent.Leave, 12);
    raw.emit(ClientEvent.SyncStep1);
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
  });

  it('answers a join carrying a state vector with sync:step2, and refuses one whose vector is not one', async () => {
    const joiner = await connectSocket(api.baseUrl, { cookie });
    const step2 = new Promise<{ sectionId: string; update: Uint8Array }>((resolve) =>
      joiner.once(ServerEvent.SyncStep2, resolve),
    );
    const empty = new Y.Doc();
    const ack = await emitWithAck<JoinAck>(joiner, ClientEvent.Join, {
      sectionId: section.id,
      stateVector: Y.encodeStateVector(empty),
    });
    expect(ack).toMatchObject({ ok: true, syncFollows: true });
    // No sync:step1 of ours: the server answered the join's vector with everything we lacked.
    const answer = await step2;
    expect(answer.sectionId).toBe(section.id);
    Y.applyUpdate(empty, new Uint8Array(answer.update));
    expect(fingerprint(empty)).toEqual(await serverState());
    joiner.close();

    const refused = await connectSocket(api.baseUrl, { cookie });
    for (const stateVector of [new Uint8Array([255, 255, 255]), 'vector', 42, null])
      expect(
        await emitWithAck<JoinAck>(refused, ClientEvent.Join, {
          sectionId: section.id,
          stateVector,
        }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    // Without a vector the join is the two-step one: acknowledged, no syncFollows.
    const plain = await emitWithAck<JoinAck>(refused, ClientEvent.Join, { sectionId: section.id });
    expect(plain).toMatchObject({ ok: true, syncFollows: false });
    refused.close();
  });

  it('refuses updates to a section the socket has not joined', async () => {
    const stranger = await connectSocket(api.baseUrl, { cookie });
    const answer = await emitWithAck<UpdateAck>(stranger, ClientEvent.Update, {
      sectionId: section.id,
      update: validUpdate('Not joined yet.'),
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    stranger.close();
  });

  it('refuses presence for someone else’s cursor', async () => {
    const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness');
    const mine = new Awareness(new Y.Doc());
    mine.setLocalState({ user: { name: 'Me' } });
    raw.emit(ClientEvent.Awareness, {
      sectionId: section.id,
      update: encodeAwarenessUpdate(mine, [mine.clientID]),
    });
    const other = await connectSocket(api.baseUrl, { cookie });
    await emitWithAck(other, ClientEvent.Join, { sectionId: section.id });
    const refused = nextError(other);
    other.emit(ClientEvent.Awareness, {
      sectionId: section.id,
      update: encodeAwarenessUpdate(mine, [mine.clientID]),
    });
    expect((await refused).code).toBe('awareness_not_own_client');
    other.close();
    mine.destroy();
  });

  // Four times the allowance per second: even on a slow, busy machine the flood outruns the refill.
  it('slows a flood down with rate_limited and stays up', async () => {
    const flooder = await connectSocket(api.baseUrl, { cookie });
    await emitWithAck(flooder, ClientEvent.Join, { sectionId: section.id });
    const before = await logRows(db, section.id);
    const answers = await Promise.all(
      Array.from({ length: 4000 }, () =>
        emitWithAck<UpdateAck>(flooder, ClientEvent.Update, {
          sectionId: section.id,
          update: bytes(8),
        }),
      ),
    );
    const codes = new Set(
      answers.map((answer) => (answer.ok ? 'ok' : (answer.error as CollabError).code)),
    );
    expect(codes.has('rate_limited')).toBe(true);
    expect(codes.has('ok')).toBe(false);
    expect(await logRows(db, section.id)).toBe(before);
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
    flooder.close();
  });
});
