/**
 * The floor under Commonplan's real-time path: what socket.io itself costs, without anything
 * Commonplan adds on top. It speaks the API's protocol (the same events, acknowledgements and
 * packet format, so Commonplan's own `SectionProvider` drives it) over the same transport set-up
 * (the API's coalescing WebSocket engine and binary framing, loaded from its build), but keeps
 * documents in memory, signs no one in, checks nothing before applying an update, and
 * acknowledges an update as soon as it is applied instead of once it is committed.
 *
 * It is not a reference server and never counts as one: the harness runs it only when asked
 * (`--servers …,socketio-relay`), to tell how much of Commonplan's latency is the transport the
 * design fixes (socket.io) and how much is Commonplan's own work (sign-in, checks, durable log).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { asBytes, ClientEvent, collabParser, collabPath, ServerEvent } from '@commonplan/protocol';
import { Server, type Namespace, type Socket } from 'socket.io';
import * as Y from 'yjs';
import { workspaceRoot } from './workspace.js';

/** The API's transport pieces, from its build (the bench is built after it). */
interface ApiTransport {
  CoalescingWebSocketServer: unknown;
  framingBinaryOnce(createAdapter: (nsp: Namespace) => object): (nsp: Namespace) => object;
}

async function apiTransport(): Promise<ApiTransport> {
  const built = (file: string) =>
    import(pathToFileURL(join(workspaceRoot, 'apps/api/dist/collab', file)).href);
  const [engine, frames] = await Promise.all([
    built('coalescing-websocket-server.js'),
    built('binary-frames.js'),
  ]);
  return {
    CoalescingWebSocketServer: (engine as ApiTransport).CoalescingWebSocketServer,
    framingBinaryOnce: (frames as ApiTransport).framingBinaryOnce,
  };
}

type Ack = ((value: unknown) => void) | undefined;

/** Starts the relay on a free port of 127.0.0.1 and resolves with the port. */
export async function startSocketioRelay(): Promise<number> {
  const transport = await apiTransport();
  const httpServer = http.createServer();
  const io = new Server(httpServer, {
    path: collabPath,
    serveClient: false,
    maxHttpBufferSize: 2 * 1024 * 1024,
    wsEngine: transport.CoalescingWebSocketServer as never,
    parser: collabParser,
  });
  // socket.io's own in-memory adapter, framing a binary broadcast once as the API's does.
  const InMemoryAdapter = io.of('/').adapter.constructor as new (nsp: Namespace) => object;
  io.adapter(
    transport.framingBinaryOnce((nsp) => new InMemoryAdapter(nsp)) as unknown as Parameters<
      Server['adapter']
    >[0],
  );
  const docs = new Map<string, Y.Doc>();
  const docFor = (sectionId: string) => {
    let doc = docs.get(sectionId);
    if (!doc) docs.set(sectionId, (doc = new Y.Doc()));
    return doc;
  };
  const room = (sectionId: string) => `section:${sectionId}`;

  io.on('connection', (socket: Socket) => {
    socket.on(
      ClientEvent.Join,
      (message: { sectionId?: string; stateVector?: unknown }, ack: Ack) => {
        const sectionId = message?.sectionId;
        if (typeof sectionId !== 'string') return;
        const doc = docFor(sectionId);
        void socket.join(room(sectionId));
        const clientState = message.stateVector === undefined ? null : asBytes(message.stateVector);
        ack?.({
          ok: true,
          sectionId,
          canEdit: true,
          limits: {
            maxUpdateBytes: 1024 * 1024,
            maxDocumentBytes: 64 * 1024 * 1024,
            updatesPerSecond: 1_000,
            awarenessPerSecond: 1_000,
          },
          syncFollows: clientState !== null,
        });
        socket.emit(ServerEvent.SyncStep1, { sectionId, stateVector: Y.encodeStateVector(doc) });
        if (clientState)
          socket.emit(ServerEvent.SyncStep2, {
            sectionId,
            update: Y.encodeStateAsUpdate(doc, clientState),
          });
      },
    );
    socket.on(ClientEvent.Leave, (message: { sectionId?: string }) => {
      if (typeof message?.sectionId === 'string') void socket.leave(room(message.sectionId));
    });
    socket.on(ClientEvent.SyncStep1, (message: { sectionId?: string; stateVector?: unknown }) => {
      const stateVector = asBytes(message?.stateVector);
      if (typeof message?.sectionId !== 'string' || !stateVector) return;
      socket.emit(ServerEvent.SyncStep2, {
        sectionId: message.sectionId,
        update: Y.encodeStateAsUpdate(docFor(message.sectionId), stateVector),
      });
    });
    socket.on(ClientEvent.Update, (message: { sectionId?: string; update?: unknown }, ack: Ack) => {
      const update = asBytes(message?.update);
      const sectionId = message?.sectionId;
      if (typeof sectionId !== 'string' || !update) return;
      Y.applyUpdate(docFor(sectionId), update, socket);
      socket.local.to(room(sectionId)).emit(ServerEvent.Update, { sectionId, update });
      ack?.({ ok: true });
    });
    socket.on(ClientEvent.Awareness, (message: { sectionId?: string; update?: unknown }) => {
      const update = asBytes(message?.update);
      const sectionId = message?.sectionId;
      if (typeof sectionId !== 'string' || !update) return;
      socket.local.to(room(sectionId)).emit(ServerEvent.Awareness, { sectionId, update });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return (httpServer.address() as AddressInfo).port;
}
