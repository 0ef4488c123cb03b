import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { accessChangesChannel } from '../footprints/access-changes.js';
import { REDIS } from '../redis/redis.module.js';

/**
 * Announces that some of a person's sessions ended, on the same Redis channel as other access
 * changes, so every API instance closes that person's sockets whose session is gone at once rather
 * than at its next periodic check (which still catches a lost message).
 */
@Injectable()
export class SessionEndings {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async announce(userId: string): Promise<void> {
    try {
      await this.redis.publish(
        accessChangesChannel(this.config.redis.prefix),
        JSON.stringify({ kind: 'sessions', userId }),
      );
    } catch (error) {
      this.logger.warn(
        { event: 'session_end_not_published', userId, err: error },
        'could not announce the end of sessions',
      );
    }
  }
}
