import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';
import { formServedAt, signFormToken } from './form-token.js';

const secretKey = 'consultation:form-secret';

/**
 * Signs and reads the public form's token with one secret shared by every API instance: the
 * configured CONSULTATION_FORM_SECRET, or else a random one made by whichever instance asks first
 * and kept in Redis (SET NX, so they all agree).
 */
@Injectable()
export class ConsultationFormTokens {
  private secret: Promise<string> | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private load(): Promise<string> {
    const configured = this.config.consultation.formSecret;
    if (configured) return Promise.resolve(configured);
    this.secret ??= (async () => {
      await this.redis.set(secretKey, randomBytes(32).toString('base64url'), 'NX');
      const secret = await this.redis.get(secretKey);
      if (!secret) throw new Error('the consultation form secret could not be read from Redis');
      return secret;
    })().catch((error: unknown) => {
      this.secret = null;
      throw error;
    });
    return this.secret;
  }

  async sign(planId: string, servedAt: Date): Promise<string> {
    return signFormToken(await this.load(), planId, servedAt);
  }

  async servedAt(planId: string, token: string): Promise<Date | null> {
    return formServedAt(await this.load(), planId, token);
  }
}
