import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';
import { authError, AuthErrorCode } from './auth.errors.js';
import { failureDelayMs } from './sign-in-policy.js';

/**
 * Counts failed sign-ins per email address in Redis (so every API instance sees the same count):
 * after a few, each answer is slowed; after more, the address is locked for a while. The window
 * restarts with each failure and a successful sign-in clears it.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(email: string): string {
    return `auth:failures:${createHash('sha256').update(email).digest('hex')}`;
  }

  private lockedError(secondsLeft: number) {
    const minutes = Math.max(1, Math.ceil(secondsLeft / 60));
    return authError(AuthErrorCode.SignInLocked, {
      message: `Too many failed sign-ins for this email address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your partnership lead to reset your access.`,
      headers: { 'retry-after': String(Math.max(1, secondsLeft)) },
    });
  }

  async assertNotLocked(email: string): Promise<void> {
    const [count, ttl] = await Promise.all([
      this.redis.get(this.key(email)),
      this.redis.ttl(this.key(email)),
    ]);
    if (Number(count ?? 0) >= this.config.auth.lockAfterFailures) throw this.lockedError(ttl);
  }

  /** Records a failure and returns how long to wait before answering, and whether it is now locked. */
  async recordFailure(
    email: string,
  ): Promise<{ delayMs: number; locked: boolean; failures: number }> {
    const windowSeconds = this.config.auth.lockMinutes * 60;
    const result = await this.redis
      .multi()
      .incr(this.key(email))
      .expire(this.key(email), windowSeconds)
      .exec();
    const failures = Number(result?.[0]?.[1] ?? 1);
    return {
      failures,
      delayMs: failureDelayMs(failures, this.config.auth.slowAfterFailures),
      locked: failures >= this.config.auth.lockAfterFailures,
    };
  }

  lockedNow(): never {
    throw this.lockedError(this.config.auth.lockMinutes * 60);
  }

  async clear(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }
}
