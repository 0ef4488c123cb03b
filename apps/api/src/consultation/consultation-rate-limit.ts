import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';
import { consultationError, ConsultationErrorCode } from './consultation.errors.js';

const windowSeconds = 3600;

/**
 * Counts public responses in Redis, so every API instance sees the same counts: per client
 * address (hashed; the address itself is never stored) across all plans, and per plan from
 * everyone. Each counter is a window of an hour from its first response; over the limit is a 429
 * saying when to try again. The client address is Express's `req.ip`, which is the proxy's unless
 * TRUST_PROXY is set (docs/operations.md).
 */
@Injectable()
export class ConsultationRateLimit {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async take(clientIp: string | null, planId: string): Promise<void> {
    const ipKey = `consultation:rate:ip:${createHash('sha256')
      .update(clientIp ?? 'unknown')
      .digest('hex')}`;
    await this.count(
      ipKey,
      this.config.consultation.responsesPerIpPerHour,
      (minutes) =>
        `You have sent several responses in the last hour. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
    await this.count(
      `consultation:rate:plan:${planId}`,
      this.config.consultation.responsesPerPlanPerHour,
      (minutes) =>
        `This plan is taking a great many responses just now. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }

  private async count(key: string, limit: number, message: (minutes: number) => string) {
    const result = await this.redis
      .multi()
      .incr(key)
      .expire(key, windowSeconds, 'NX')
      .ttl(key)
      .exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    if (count <= limit) return;
    const ttl = Number(result?.[2]?.[1] ?? windowSeconds);
    const seconds = ttl > 0 ? ttl : windowSeconds;
    throw consultationError(ConsultationErrorCode.RateLimited, {
      message: message(Math.max(1, Math.ceil(seconds / 60))),
      headers: { 'retry-after': String(seconds) },
    });
  }
}
