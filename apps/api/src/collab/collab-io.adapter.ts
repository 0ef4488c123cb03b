import type { INestApplicationContext, WsMessageHandler } from '@nestjs/common';
import { AbstractWsAdapter } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import { collabParser, collabPath } from '@commonplan/protocol';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { AppConfig } from '../config/app-config.js';
import { framingBinaryOnce } from './binary-frames.js';
import { CoalescingWebSocketServer } from './coalescing-websocket-server.js';
import { pubSubConnection } from './collab-redis.js';

/**
 * socket.io on the API's own HTTP server, with rooms spanning instances through Redis. The
 * transport's message cap sits above the largest update we accept, so an oversized update is
 * answered with `update_too_large` rather than a dropped connection; writes to each connection are
 * coalesced per turn of the event loop (CoalescingWebSocketServer), and a binary message is one
 * frame (collabParser). Event handlers are
 * registered raw by CollabGateway (to check every payload itself), so this adapter binds none.
 */
export class CollabIoAdapter extends AbstractWsAdapter {
  private readonly connections: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  create(): Server {
    const server = new Server(this.httpServer, {
      path: collabPath,
      serveClient: false,
      maxHttpBufferSize: this.config.collab.maxUpdateBytes * 2 + 64 * 1024,
      wsEngine: CoalescingWebSocketServer,
      parser: collabParser,
    });
    const publisher = pubSubConnection(this.config.redis);
    const subscriber = pubSubConnection(this.config.redis);
    for (const connection of [publisher, subscriber]) connection.on('error', () => undefined);
    this.connections.push(publisher, subscriber);
    const redisAdapter = createAdapter(publisher, subscriber, {
      key: `${this.config.redis.prefix}socket.io`,
    });
    server.adapter(framingBinaryOnce(redisAdapter) as unknown as Parameters<Server['adapter']>[0]);
    return server;
  }

  bindMessageHandlers(_client: unknown, handlers: WsMessageHandler[]): void {
    if (handlers.length > 0)
      throw new Error(
        'collab handlers are registered in CollabGateway.afterInit, not with @SubscribeMessage',
      );
  }

  override async close(server: Server): Promise<void> {
    await server.close();
    for (const connection of this.connections)
      await connection.quit().catch(() => connection.disconnect());
  }
}
