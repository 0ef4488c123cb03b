import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collabParser } from '@commonplan/protocol';
import { Server, type Namespace } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { CoalescingWebSocketServer } from './coalescing-websocket-server.js';
import { framingBinaryOnce } from './binary-frames.js';

type Frame = (data: Buffer, options: object) => Buffer[];
const sender = (WebSocket as unknown as { Sender: { frame: Frame } }).Sender;

let http: HttpServer;
let server: Server;
const clients: Socket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  http?.close();
});

async function serverWithClients(count: number): Promise<Socket[]> {
  http = createServer();
  server = new Server(http, { wsEngine: CoalescingWebSocketServer, parser: collabParser });
  server.adapter(
    framingBinaryOnce((nsp: Namespace) => new Adapter(nsp)) as unknown as Parameters<
      Server['adapter']
    >[0],
  );
  server.on('connection', (socket) => void socket.join('section'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  for (let i = 0; i < count; i += 1) {
    const client = io(`http://127.0.0.1:${port}`, {
      transports: ['websocket'],
      parser: collabParser,
    });
    clients.push(client);
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  }
  while ((await server.in('section').fetchSockets()).length < count)
    await new Promise((r) => setTimeout(r, 10));
  return clients;
}

describe('broadcasting an update', () => {
  it('frames it once and every recipient gets the same bytes', async () => {
    const recipients = await serverWithClients(3);
    const frame = sender.frame;
    let framed = 0;
    sender.frame = (data, options) => {
      framed += 1;
      return frame(data, options);
    };
    try {
      const update = new Uint8Array([1, 2, 3, 250, 0, 7]);
      const received = recipients.map(
        (client) =>
          new Promise<Uint8Array>((resolve) =>
            client.once('sync:update', (message: { update: Uint8Array }) =>
              resolve(new Uint8Array(message.update)),
            ),
          ),
      );
      server.to('section').emit('sync:update', { sectionId: 's', update });
      for (const bytes of await Promise.all(received)) expect([...bytes]).toEqual([...update]);
      expect(framed).toBe(1);
    } finally {
      sender.frame = frame;
    }
  });
});
