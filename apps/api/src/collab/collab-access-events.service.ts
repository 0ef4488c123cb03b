import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import {
  accessChangesChannel,
  readAccessChange,
  type AccessChange,
} from '../footprints/access-changes.js';
import { pubSubConnection } from './collab-redis.js';

/** Listens for access changes announced by any instance (role changed, member removed, section deleted). */
@Injectable()
export class CollabAccessEvents implements OnModuleInit, OnApplicationShutdown {
  private subscriber!: Redis;
  private readonly listeners: Array<(change: AccessChange) => void> = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const channel = accessChangesChannel(this.config.redis.prefix);
    this.subscriber = pubSubConnection(this.config.redis);
    this.subscriber.on('error', (error: Error) =>
      this.logger.warn(
        { event: 'collab_redis_error', err: error.message },
        'access events Redis error',
      ),
    );
    void this.subscriber.subscribe(channel).catch(() => undefined);
    this.subscriber.on('message', (from: string, message: string) => {
      if (from !== channel) return;
      const change = readAccessChange(message);
      if (change) for (const listener of this.listeners) listener(change);
    });
  }

  onChange(listener: (change: AccessChange) => void): void {
    this.listeners.push(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber.disconnect());
  }
}
