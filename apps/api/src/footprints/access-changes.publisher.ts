import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';
import { accessChangesChannel, type AccessChange } from './access-changes.js';

/**
 * Announces an access change after it is committed. A lost message is not fatal: open connections
 * are also re-checked periodically.
 */
@Injectable()
export class AccessChangesPublisher {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async publish(change: AccessChange): Promise<void> {
    try {
      await this.redis.publish(
        accessChangesChannel(this.config.redis.prefix),
        JSON.stringify(change),
      );
    } catch (error) {
      this.logger.warn(
        { event: 'access_change_not_published', change, err: error },
        'could not announce an access change',
      );
    }
  }
}
