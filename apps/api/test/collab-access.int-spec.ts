import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, connectTestDatabase, startApi, type RunningApi } from '@commonplan/testing';
import {
  ClientEvent,
  DraftClientEvent,
  ServerEvent,
  type CollabError,
  type JoinAck,
  type UpdateAck,
} from '@commonplan/protocol';
import type pg from 'pg';
import { PacketType } from 'socket.io-parser';
import type { Socket } from 'socket.io-client';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  CollabPeer,
  connectSocket,
  emitWithAck,
  eventually,
  logRows,
} from './collab-test-client.js';
import { factories, signedIn, type TestSection, type TestUser } from '@commonplan/testing';
import { RawSocketIo } from './raw-socket-io.js';

/** Who may open a section's text over the real-time channel, and what happens when that changes. */

let api: RunningApi;
let db: pg.Client;
let section: TestSection;
let otherSection: TestSection;
const users: Record<
  'lead' | 'author' | 'reviewer' | 'viewer' | 'outsider' | 'elsewhere',
  TestUser
> = {} as never;
const cookies: Record<string, string> = {};
const sockets: Socket[] = [];

async function cookieOf(user: TestUser): Promise<string> {
  const client = await signedIn(new ApiClient(api.baseUrl), user);
  return client.sessionCookie!;
}

async function open(who: keyof typeof users): Promise<Socket> {
  const socket = await connectSocket(api.baseUrl, { cookie: cookies[who] });
  sockets.push(socket);
  return socket;
}

async function refusal(options: Parameters<typeof connectSocket>[1]): Promise<CollabError> {
  try {
    const socket = await connectSocket(api.baseUrl, options);
    socket.close();
  } catch (error) {
    return (error as Error & { data: CollabError }).data;
  }
  throw new Error('the connection was accepted');
}

function aChange(): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('A reviewer tried to write this.')]);
  doc.getXmlFragment('content').insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

beforeAll(async () => {
  api = await startApi({ env: { COLLAB_ACCESS_RECHECK_SECONDS: '30' } });
  db = await connectTestDatabase();
  const f = factories(db);
  for (const key of Object.keys({
    lead: 0,
    author: 0,
    reviewer: 0,
    viewer: 0,
    outsider: 0,
    elsewhere: 0,
  }) as Array<keyof typeof users>)
    users[key] = await f.aUser();
  const footprint = await f.aFootprint({
    members: {
      lead: [users.lead],
      author: [users.author],
      reviewer: [users.reviewer],
      viewer: [users.viewer],
    },
  });
  const other = await f.aFootprint({ members: { lead: [users.elsewhere] } });
  section = await f.aSection((await f.aPlan(footprint.id)).id);
  otherSection = await f.aSection((await f.aPlan(other.id)).id);
  for (const key of Object.keys(users))
    cookies[key] = await cookieOf(users[key as keyof typeof users]);
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await db.end();
  await api.stop();
});

describe('connecting', () => {
  it('refuses a connection without a session', async () => {
    expect((await refusal({})).code).toBe('not_authenticated');
    expect((await refusal({ cookie: 'x'.repeat(43) })).code).toBe('not_authenticated');
  });

  it('refuses a connection from another website, even with a good session', async () => {
    expect((await refusal({ cookie: cookies.author, origin: 'https://evil.example' })).code).toBe(
      'foreign_origin',
    );
    expect((await refusal({ cookie: cookies.author, origin: null })).code).toBe('foreign_origin');
  });

  it('refuses a connection whose session has ended', async () => {
    const client = await signedIn(new ApiClient(api.baseUrl), users.viewer);
    const cookie = client.sessionCookie!;
    await db.query(
      "UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1 AND expires_at > now() - interval '1 second'",
      [users.viewer.id],
    );
    expect((await refusal({ cookie })).code).toBe('session_expired');
    cookies.viewer = await cookieOf(users.viewer);
  });
});

describe('an anonymous reader of a public page', () => {
  /** The author is in the section with a named cursor: what must not reach anyone unsigned. */
  let present: CollabPeer;
  let presence: Awareness;

  beforeAll(async () => {
    present = new CollabPeer(api.baseUrl, cookies.author!, section.id);
    await present.connect({ reconnection: false });
    await present.whenSynced();
    presence = new Awareness(new Y.Doc());
    presence.setLocalState({ user: { name: users.author.name } });
    present.socket.emit(ClientEvent.Awareness, {
      sectionId: section.id,
      update: encodeAwarenessUpdate(presence, [presence.clientID]),
    });
  });

  afterAll(() => {
    present?.close();
    presence?.destroy();
  });

  it('is refused a socket with not_authenticated: no cookie, a junk cookie, from the page’s own origin', async () => {
    for (const cookie of [undefined, 'x'.repeat(43), 'not even a token', '%00%ff;;=']) {
      const error = await refusal({ cookie, origin: api.baseUrl });
      expect(error).toMatchObject({ code: 'not_authenticated' });
    }
  });

  it('cannot join a section, watch drafts or hear presence over a bare socket that ignores the refusal', async () => {
    const raw = await RawSocketIo.open(api.baseUrl, { origin: api.baseUrl });
    raw.connect();
    const answer = await raw.next(
      (p) => p.type === PacketType.CONNECT || p.type === PacketType.CONNECT_ERROR,
    );
    expect(answer).toMatchObject({
      type: PacketType.CONNECT_ERROR,
      data: { message: 'not_authenticated', data: { code: 'not_authenticated' } },
    });
    raw.emit(ClientEvent.Join, { sectionId: section.id }, 1);
    raw.emit(DraftClientEvent.Watch, { planId: section.planId }, 2);
    raw.emit(ClientEvent.SyncStep1, { sectionId: section.id, stateVector: new Uint8Array([0]) });
    // The server drops a connection that sends events to a namespace it never joined.
    expect(await raw.whenClosed()).toBe(true);
    expect(raw.arrived.packets.map((p) => p.type)).toEqual([PacketType.CONNECT_ERROR]);
    const everything = raw.arrived.text.join('\n');
    expect(everything).not.toContain(users.author.name);
    expect(everything).not.toContain(section.id);
  });

  it('gets no names over long-polling either', async () => {
    const base = `${api.baseUrl}/socket.io/?EIO=4&transport=polling`;
    const opened = await (await fetch(base, { headers: { origin: api.baseUrl } })).text();
    const sid = (JSON.parse(opened.slice(1)) as { sid: string }).sid;
    const post = (body: string) =>
      fetch(`${base}&sid=${sid}`, {
        method: 'POST',
        headers: { origin: api.baseUrl, 'content-type': 'text/plain' },
        body,
      });
    expect((await post('40')).status).toBe(200);
    const refused = await (await fetch(`${base}&sid=${sid}`)).text();
    expect(refused).toContain('not_authenticated');
    await post(`42${JSON.stringify([ClientEvent.Join, { sectionId: section.id }])}`);
    const after = await (await fetch(`${base}&sid=${sid}`)).text();
    expect(`${refused}${after}`).not.toContain(users.author.name);
    expect(after).not.toContain(section.id);
  });

  it('while a member who joins is told who is there (so the checks above could fail)', async () => {
    const socket = await open('viewer');
    const heard = new Promise<string>((resolve) =>
      socket.on(ServerEvent.Awareness, (message: { update: Uint8Array }) =>
        resolve(Buffer.from(message.update).toString('utf8')),
      ),
    );
    const ack = await emitWithAck<JoinAck>(socket, ClientEvent.Join, { sectionId: section.id });
    expect(ack.ok).toBe(true);
    expect(await heard).toContain(users.author.name);
  });
});

describe('joining a section', () => {
  it('lets a lead and an author join and edit', async () => {
    for (const who of ['lead', 'author'] as const) {
      const ack = await emitWithAck<JoinAck>(await open(who), ClientEvent.Join, {
        sectionId: section.id,
      });
      expect(ack).toMatchObject({ ok: true, sectionId: section.id, canEdit: true });
    }
  });

  it('tells someone outside the footprint the section does not exist', async () => {
    for (const who of ['outsider', 'elsewhere'] as const) {
      const ack = await emitWithAck<JoinAck>(await open(who), ClientEvent.Join, {
        sectionId: section.id,
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'section_not_found' } });
    }
    const ack = await emitWithAck<JoinAck>(await open('author'), ClientEvent.Join, {
      sectionId: otherSection.id,
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'section_not_found' } });
    const unknown = await emitWithAck<JoinAck>(await open('author'), ClientEvent.Join, {
      sectionId: '3f1c9a52-6a8e-4d5b-9c1e-2b7d4e8f0a61',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'section_not_found' } });
  });

  it('a reviewer and a viewer can read but not change section text', async () => {
    const before = await logRows(db, section.id);
    for (const who of ['reviewer', 'viewer'] as const) {
      const socket = await open(who);
      const ack = await emitWithAck<JoinAck>(socket, ClientEvent.Join, { sectionId: section.id });
      expect(ack).toMatchObject({ ok: true, canEdit: false });
      const answer = await emitWithAck<UpdateAck>(socket, ClientEvent.Update, {
        sectionId: section.id,
        update: aChange(),
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'read_only' } });
    }
    expect(await logRows(db, section.id)).toBe(before);
  });
});

describe('when access changes', () => {
  it('a member made a viewer can no longer write, and a removed member is told within seconds and leaves the section', async () => {
    const leadClient = await signedIn(new ApiClient(api.baseUrl), users.lead);
    const member = await factories(db).aUser();
    const { rows } = await db.query<{ footprint_id: string }>(
      'SELECT p.footprint_id FROM sections s JOIN plans p ON p.id = s.plan_id WHERE s.id = $1',
      [section.id],
    );
    const footprintId = rows[0]!.footprint_id;
    await factories(db).aMembership(footprintId, member.id, 'author');
    const peer = new CollabPeer(api.baseUrl, await cookieOf(member), section.id);
    expect(await peer.connect({ reconnection: false })).toMatchObject({ ok: true, canEdit: true });

    const slug = (
      await db.query<{ slug: string }>('SELECT slug FROM footprints WHERE id = $1', [footprintId])
    ).rows[0]!.slug;
    const demoted = await leadClient.patch(`/api/footprints/${slug}/members/${member.id}`, {
      role: 'viewer',
    });
    expect(demoted.status).toBe(200);
    await eventually(() => peer.access.some((m) => m.access === 'read'), 5_000);
    // From then on the server refuses their writes, whatever their browser still shows.
    const rowsWhenDemoted = await logRows(db, section.id);
    const refused = await emitWithAck<UpdateAck>(peer.socket, ClientEvent.Update, {
      sectionId: section.id,
      update: aChange(),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(await logRows(db, section.id)).toBe(rowsWhenDemoted);

    const removed = await leadClient.delete(`/api/footprints/${slug}/members/${member.id}`);
    expect(removed.status).toBe(204);
    await eventually(() => peer.access.some((m) => m.access === 'none'), 5_000);
    const answer = await emitWithAck<UpdateAck>(peer.socket, ClientEvent.Update, {
      sectionId: section.id,
      update: aChange(),
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    peer.close();
  });
});

describe('starting text', () => {
  it('a section made with starting text opens with it, written once as the first log row', async () => {
    const leadClient = await signedIn(new ApiClient(api.baseUrl), users.lead);
    const { rows: plans } = await db.query<{ plan_id: string }>(
      'SELECT plan_id FROM sections WHERE id = $1',
      [section.id],
    );
    const created = await leadClient.post<{ id: string }>(
      `/api/plans/${plans[0]!.plan_id}/sections`,
      {
        title: 'Faster cancer diagnosis',
        theme: 'care_and_quality',
        text: 'Where we are: the 62-day standard is not met.\n\nWhat we will do by 2020/21: diagnose within 28 days.',
      },
    );
    expect(created.status).toBe(201);
    expect(await logRows(db, created.body.id)).toBe(1);
    const peer = new CollabPeer(api.baseUrl, cookies.author!, created.body.id);
    await peer.connect({ reconnection: false });
    await peer.whenSynced();
    expect(peer.fragment.toString()).toBe(
      '<paragraph>Where we are: the 62-day standard is not met.</paragraph><paragraph>What we will do by 2020/21: diagnose within 28 days.</paragraph>',
    );
    peer.close();
  });
});
