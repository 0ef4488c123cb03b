/**
 * A small real-time client for tests: a socket.io connection speaking the collab protocol with a
 * Y.Doc of its own, the way the browser's provider does, plus helpers to read a section's text
 * back from PostgreSQL.
 */
import {
  ClientEvent,
  collabParser,
  ServerEvent,
  type AccessChangedMessage,
  type CollabError,
  type JoinAck,
  type UpdateAck,
} from '@commonplan/protocol';
import {
  ApiClient,
  factories,
  signedIn,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';

export const fragmentName = 'content';

export interface ConnectOptions {
  cookie?: string;
  origin?: string | null;
  reconnection?: boolean;
}

/** Opens a socket to the API; resolves when connected, rejects with the connect_error. */
export function connectSocket(baseUrl: string, options: ConnectOptions = {}): Promise<Socket> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = `cp_session=${options.cookie}`;
  if (options.origin !== null) headers.origin = options.origin ?? baseUrl;
  const socket = io(baseUrl, {
    transports: ['websocket'],
    parser: collabParser,
    extraHeaders: headers,
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    const refused = (error: Error & { data?: CollabError }) => {
      socket.off('connect', connected);
      socket.close();
      reject(error);
    };
    const connected = () => {
      socket.off('connect_error', refused);
      resolve(socket);
    };
    socket.once('connect', connected);
    socket.once('connect_error', refused);
  });
}

/** Emits with an acknowledgement and resolves with it (or rejects after a while). */
export function emitWithAck<T>(socket: Socket, event: string, ...args: unknown[]): Promise<T> {
  return socket.timeout(10_000).emitWithAck(event, ...args) as Promise<T>;
}

/** Resolves with the next `collab:error` the socket receives. */
export function nextError(socket: Socket): Promise<CollabError> {
  return new Promise((resolve) => socket.once(ServerEvent.Error, resolve));
}

const serverOrigin = Symbol('server');

/**
 * One person's editor: joins a section, syncs, sends each local change as an update and counts
 * acknowledgements; after a reconnect it joins again and syncs both ways.
 */
export class CollabPeer {
  readonly doc = new Y.Doc();
  socket!: Socket;
  joined: JoinAck | null = null;
  readonly errors: CollabError[] = [];
  readonly access: AccessChangedMessage[] = [];
  /** Updates sent and not yet answered. */
  pending = 0;
  refused: CollabError[] = [];
  /** Whether the latest update sent was acknowledged as durable. */
  lastSend: Promise<boolean> = Promise.resolve(false);
  private syncedResolvers: Array<() => void> = [];
  private synced = false;

  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    readonly sectionId: string,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== serverOrigin) this.send(update);
    });
  }

  async connect(options: { reconnection?: boolean } = {}): Promise<JoinAck> {
    this.socket = await connectSocket(this.baseUrl, {
      cookie: this.cookie,
      reconnection: options.reconnection ?? true,
    });
    const socket = this.socket;
    socket.on(ServerEvent.SyncStep1, (message: { sectionId: string; stateVector: Uint8Array }) => {
      const missing = Y.encodeStateAsUpdate(this.doc, new Uint8Array(message.stateVector));
      if (missing.byteLength > 2) this.send(missing);
    });
    const apply = (message: { sectionId: string; update: Uint8Array }) =>
      Y.applyUpdate(this.doc, new Uint8Array(message.update), serverOrigin);
    socket.on(ServerEvent.SyncStep2, (message: { sectionId: string; update: Uint8Array }) => {
      apply(message);
      this.synced = true;
      for (const resolve of this.syncedResolvers.splice(0)) resolve();
    });
    socket.on(ServerEvent.Update, apply);
    socket.on(ServerEvent.Error, (error: CollabError) => this.errors.push(error));
    socket.on(ServerEvent.AccessChanged, (message: AccessChangedMessage) =>
      this.access.push(message),
    );
    socket.io.on('reconnect', () => void this.join().catch(() => undefined));
    return this.join();
  }

  private async join(): Promise<JoinAck> {
    this.synced = false;
    this.joined = await emitWithAck<JoinAck>(this.socket, ClientEvent.Join, {
      sectionId: this.sectionId,
    });
    if (this.joined.ok)
      this.socket.emit(ClientEvent.SyncStep1, {
        sectionId: this.sectionId,
        stateVector: Y.encodeStateVector(this.doc),
      });
    return this.joined;
  }

  whenSynced(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve) => this.syncedResolvers.push(resolve));
  }

  private send(update: Uint8Array): void {
    if (!this.socket?.connected || !this.joined?.ok) return; // the next sync carries it
    this.pending += 1;
    this.lastSend = this.socket
      .timeout(15_000)
      .emitWithAck(ClientEvent.Update, { sectionId: this.sectionId, update })
      .then((ack: UpdateAck) => {
        if (!ack.ok) this.refused.push(ack.error);
        return ack.ok;
      })
      .catch(() => false)
      .finally(() => {
        this.pending -= 1;
      });
  }

  get fragment(): Y.XmlFragment {
    return this.doc.getXmlFragment(fragmentName);
  }

  /** Adds a paragraph with the given text at a position (the end by default). */
  addParagraph(text: string, index = this.fragment.length): void {
    this.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      this.fragment.insert(Math.min(index, this.fragment.length), [paragraph]);
    });
  }

  async settled(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }

  close(): void {
    this.socket?.close();
    this.doc.destroy();
  }
}

export { storedDoc } from '@commonplan/testing';

export async function logRows(db: pg.Client, sectionId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM section_updates WHERE section_id = $1',
    [sectionId],
  );
  return rows[0]!.n;
}

/**
 * Writes `count` small updates straight into a section's log, as a long history would leave: one
 * person typing into a paragraph and deleting a character now and then. Returns the document they
 * make, to compare with what the server loads.
 */
export async function aLongHistory(
  db: pg.Client,
  sectionId: string,
  count: number,
): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const updates: Buffer[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(Buffer.from(update)));
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment(fragmentName).insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  while (updates.length < count) {
    const i = updates.length;
    if (i % 7 === 6) text.delete(Math.floor(text.length / 2), 1);
    else text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  }
  for (let i = 0; i < updates.length; i += 1000) {
    await db.query(
      'INSERT INTO section_updates (section_id, update) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n) ORDER BY n',
      [sectionId, updates.slice(i, i + 1000)],
    );
  }
  return doc;
}

/** What two documents must agree on to be the same text. */
export function fingerprint(doc: Y.Doc): { stateVector: string; xml: string } {
  return {
    stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('hex'),
    xml: doc.getXmlFragment(fragmentName).toString(),
  };
}

/** Waits until the check passes, or fails with the last value after the timeout. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}

/** A seeded pseudo-random generator (mulberry32), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An author of a new footprint with one plan and one section: what most real-time tests start from. */
export async function anAuthorWithASection(
  db: pg.Client,
): Promise<{ author: TestUser; section: TestSection }> {
  const make = factories(db);
  const author = await make.aUser();
  const footprint = await make.aFootprint({ members: { author: [author] } });
  const section = await make.aSection((await make.aPlan(footprint.id)).id);
  return { author, section };
}

/** The session cookie of the person, signed in over REST. */
export async function sessionCookieOf(baseUrl: string, user: TestUser): Promise<string> {
  return (await signedIn(new ApiClient(baseUrl), user)).sessionCookie!;
}
