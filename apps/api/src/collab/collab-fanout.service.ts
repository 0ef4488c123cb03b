import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { pubSubConnection } from './collab-redis.js';

export interface RemoteChange {
  kind: 'update' | 'awareness';
  sectionId: string;
  payload: Uint8Array;
}

/**
 * Cross-instance fan-out: every accepted update (and presence change) is published once on Redis;
 * each other instance passes it to its own people in the section and applies it to its copy of the
 * document. Updates deliberately do not travel through the socket.io Redis adapter's room
 * broadcast as well: that published every keystroke twice. After Redis comes back from an outage,
 * listeners are told to resynchronise from PostgreSQL.
 */
@Injectable()
export class CollabFanout implements OnModuleInit, OnApplicationShutdown {
  private readonly instanceId = randomUUID();
  private publisher!: Redis;
  private subscriber!: Redis;
  private readonly changeListeners: Array<(change: RemoteChange) => void> = [];
  private readonly reconnectListeners: Array<() => void> = [];
  private wasDisconnected = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private get channel(): string {
    return `${this.config.redis.prefix}collab:changes`;
  }

  onModuleInit(): void {
    this.publisher = pubSubConnection(this.config.redis, { pipelined: true });
    this.subscriber = pubSubConnection(this.config.redis);
    for (const connection of [this.publisher, this.subscriber])
      connection.on('error', (error: Error) =>
        this.logger.warn(
          { event: 'collab_redis_error', err: error.message },
          'collab Redis connection error',
        ),
      );
    this.subscriber.on('close', () => {
      this.wasDisconnected = true;
    });
    this.subscriber.on('ready', () => {
      if (!this.wasDisconnected) return;
      this.wasDisconnected = false;
      for (const listener of this.reconnectListeners) listener();
    });
    void this.subscriber.subscribe(this.channel).catch(() => undefined);
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (channel.toString() !== this.channel) return;
      const change = this.read(message);
      if (change) for (const listener of this.changeListeners) listener(change);
    });
  }

  onRemoteChange(listener: (change: RemoteChange) => void): void {
    this.changeListeners.push(listener);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  publish(change: RemoteChange): void {
    const header = Buffer.from(
      JSON.stringify({ from: this.instanceId, kind: change.kind, sectionId: change.sectionId }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    const message = Buffer.concat([length, header, Buffer.from(change.payload)]);
    this.publisher
      .publish(this.channel, message)
      .catch((error: unknown) =>
        this.logger.warn(
          { event: 'collab_publish_failed', err: error },
          'could not publish a change to other instances',
        ),
      );
  }

  private read(message: Buffer): RemoteChange | null {
    try {
      const headerLength = message.readUInt32BE(0);
      const header = JSON.parse(message.subarray(4, 4 + headerLength).toString()) as {
        from: string;
        kind: RemoteChange['kind'];
        sectionId: string;
      };
      if (header.from === this.instanceId) return null;
      return {
        kind: header.kind,
        sectionId: header.sectionId,
        payload: new Uint8Array(message.subarray(4 + headerLength)),
      };
    } catch {
      return null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const connection of [this.subscriber, this.publisher])
      await connection?.quit().catch(() => connection.disconnect());
  }
}
