/**
 * One editor's connection to each server compared, behind one interface so the load and its
 * measurement are the same code for all three:
 * - Commonplan: the product's SectionProvider (libs/collab-client), signed in with a session
 *   cookie; a change is acknowledged once the server has committed it to PostgreSQL.
 * - y-websocket: the reference WebsocketProvider over `ws`. Its protocol has no acknowledgement,
 *   so after each change the client sends a WebSocket ping: the server reads frames in order and
 *   handles each message as it reads it, so the pong says the server has applied the change and
 *   passed it on (in memory; nothing is persisted).
 * - Hocuspocus: its HocuspocusProvider over `ws`, one socket per editor; a change is acknowledged
 *   when the server's sync-status reply brings the provider's count of unsynced changes down
 *   (applied to the server's document; storing it is debounced).
 */
import { createCollabSocket, SectionProvider } from '@commonplan/collab-client';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ServerKind } from './generator-protocol.js';

export interface BenchClient {
  readonly doc: Y.Doc;
  /** Changes sent and not yet acknowledged. */
  readonly unacknowledged: number;
  /** Resolves once the document has been brought up to date with the server's. */
  synced(): Promise<void>;
  /** Resolves once every change so far is acknowledged. */
  saved(): Promise<void>;
  /** Calls `listener` with the count of unacknowledged changes whenever it changes. */
  onAcknowledged(listener: (unacknowledged: number) => void): void;
  onError(listener: (code: string) => void): void;
  destroy(): void;
}

export interface BenchClientOptions {
  server: ServerKind;
  url: string;
  sectionId: string;
  /** Commonplan only: `cp_session=…`. */
  cookie?: string;
  name: string;
}

class CommonplanClient implements BenchClient {
  private readonly provider: SectionProvider;
  constructor(options: BenchClientOptions) {
    this.provider = new SectionProvider({
      url: options.url,
      sectionId: options.sectionId,
      headers: { cookie: options.cookie ?? '', origin: options.url },
      user: { name: options.name, color: '#005eb8' },
      ackTimeoutMs: 30_000,
    });
  }
  get doc(): Y.Doc {
    return this.provider.doc;
  }
  get unacknowledged(): number {
    return this.provider.unacknowledged;
  }
  synced(): Promise<void> {
    return this.provider.synced();
  }
  saved(): Promise<void> {
    return this.provider.saved();
  }
  onAcknowledged(listener: (unacknowledged: number) => void): void {
    this.provider.on('unacknowledged', listener);
  }
  onError(listener: (code: string) => void): void {
    this.provider.on('error', (error) => listener(error.code));
  }
  destroy(): void {
    this.provider.destroy();
  }
}

/** Waiters for a count reaching zero. */
class Waiters {
  private list: Array<() => void> = [];
  wait(done: boolean): Promise<void> {
    if (done) return Promise.resolve();
    return new Promise((resolve) => this.list.push(resolve));
  }
  release(): void {
    for (const resolve of this.list.splice(0)) resolve();
  }
}

class YWebsocketClient implements BenchClient {
  readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider;
  private pending = 0;
  private readonly ackListeners: Array<(count: number) => void> = [];
  private readonly errorListeners: Array<(code: string) => void> = [];
  private readonly savedWaiters = new Waiters();
  private readonly syncedWaiters = new Waiters();
  private readonly watched = new WeakSet<object>();

  constructor(options: BenchClientOptions) {
    this.provider = new WebsocketProvider(options.url, options.sectionId, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      // Editors in one generator share a process: keep their changes going through the server.
      disableBc: true,
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.syncedWaiters.release();
    });
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected' && this.pending > 0) {
        for (const listener of this.errorListeners) listener('connection_lost');
      }
    });
    this.provider.on('connection-error', () => {
      for (const listener of this.errorListeners) listener('connection_error');
    });
    // Registered after the provider's own handler, which sends the update first.
    this.doc.on(
      'update',
      (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
        if (!tr.local) return;
        const ws = this.provider.ws as unknown as WebSocket | null;
        if (!ws || ws.readyState !== WebSocket.OPEN) return;
        this.watchPongs();
        this.pending += 1;
        for (const listener of this.ackListeners) listener(this.pending);
        ws.ping();
      },
    );
  }

  private watchPongs(): void {
    const ws = this.provider.ws as unknown as WebSocket | null;
    if (!ws || this.watched.has(ws)) return;
    this.watched.add(ws);
    ws.on('pong', () => {
      if (this.pending === 0) return;
      this.pending -= 1;
      for (const listener of this.ackListeners) listener(this.pending);
      if (this.pending === 0) this.savedWaiters.release();
    });
  }

  get unacknowledged(): number {
    return this.pending;
  }
  synced(): Promise<void> {
    return this.syncedWaiters.wait(this.provider.synced);
  }
  saved(): Promise<void> {
    return this.savedWaiters.wait(this.pending === 0);
  }
  onAcknowledged(listener: (unacknowledged: number) => void): void {
    this.ackListeners.push(listener);
  }
  onError(listener: (code: string) => void): void {
    this.errorListeners.push(listener);
  }
  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

class HocuspocusClient implements BenchClient {
  readonly doc = new Y.Doc();
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private readonly savedWaiters = new Waiters();
  private readonly syncedWaiters = new Waiters();

  constructor(options: BenchClientOptions) {
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: WebSocket,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: options.sectionId,
      document: this.doc,
    });
    this.provider.attach();
    this.provider.on('synced', () => this.syncedWaiters.release());
    this.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0) this.savedWaiters.release();
    });
  }
  get unacknowledged(): number {
    return this.provider.unsyncedChanges;
  }
  synced(): Promise<void> {
    return this.syncedWaiters.wait(this.provider.isSynced);
  }
  saved(): Promise<void> {
    return this.savedWaiters.wait(this.provider.unsyncedChanges === 0);
  }
  onAcknowledged(listener: (unacknowledged: number) => void): void {
    this.provider.on('unsyncedChanges', ({ number }: { number: number }) => listener(number));
  }
  onError(listener: (code: string) => void): void {
    this.provider.on('authenticationFailed', () => listener('authentication_failed'));
    this.socket.on('disconnect', () => listener('connection_lost'));
  }
  destroy(): void {
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }
}

export function openBenchClient(options: BenchClientOptions): BenchClient {
  switch (options.server) {
    case 'commonplan':
    case 'socketio-relay':
      return new CommonplanClient(options);
    case 'y-websocket':
      return new YWebsocketClient(options);
    case 'hocuspocus':
      return new HocuspocusClient(options);
  }
}

/**
 * A connection that opens and then does nothing (shape d). Commonplan: a signed-in socket with no
 * section; Hocuspocus: a socket with no document attached; y-websocket's protocol has no
 * connection without a document, so each joins one shared empty document.
 */
export async function openIdleConnection(
  server: ServerKind,
  url: string,
  cookie: string | undefined,
): Promise<() => void> {
  if (server === 'commonplan' || server === 'socketio-relay') {
    const socket = createCollabSocket({ url, headers: { cookie: cookie ?? '', origin: url } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
      socket.connect();
    });
    return () => socket.close();
  }
  const ws = new WebSocket(server === 'y-websocket' ? `${url}/idle` : url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  // Answer nothing; ws replies to the server's pings by itself, so the connection stays open.
  ws.on('message', () => undefined);
  return () => ws.close();
}
