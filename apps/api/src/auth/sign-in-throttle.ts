import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';
import { authError, AuthErrorCode } from './auth.errors.js';
import { failureDelayMs } from './sign-in-policy.js';

/** Whose failures reached the limit: one email address, or one network address trying many. */
export type LockScope = 'account' | 'address';

export interface FailureOutcome {
  delayMs: number;
  failures: number;
  addressFailures: number;
  /** Set when the counts are at or past a limit: this answer is already a refusal. */
  locked: LockScope | null;
  /** Whether this very failure reached the limit (the moment to record the lock). */
  lockedJustNow: boolean;
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Counts failed sign-ins in Redis (so every API instance sees the same counts), per email address
 * and per network address: after a few for one account, each answer is slowed; after more, the
 * account is locked for a while. A network address trying many accounts is locked on its own,
 * higher limit. Each window restarts with each failure; a successful sign-in clears the account's
 * count (not the address's, so one good password does not reset a guessing run).
 */
@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private accountKey(email: string): string {
    return `auth:failures:${digest(email)}`;
  }

  private addressKey(ip: string): string {
    return `auth:address-failures:${digest(ip)}`;
  }

  private lockedError(scope: LockScope, secondsLeft: number) {
    const seconds = Math.max(1, secondsLeft);
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    const until = new Date(Date.now() + seconds * 1000).toISOString().slice(11, 16);
    const wait = `Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${until} UTC)`;
    return authError(AuthErrorCode.SignInLocked, {
      message:
        scope === 'account'
          ? `Too many failed sign-ins for this email address. ${wait}, or ask your partnership lead to reset your access.`
          : `Too many failed sign-ins from your network. ${wait}.`,
      headers: { 'retry-after': String(seconds) },
    });
  }

  /** Throws 429 sign_in_locked when this account or this network address is locked. */
  async assertNotLocked(email: string, ip: string | null): Promise<void> {
    const multi = this.redis.multi().get(this.accountKey(email)).ttl(this.accountKey(email));
    if (ip) multi.get(this.addressKey(ip)).ttl(this.addressKey(ip));
    const result = (await multi.exec()) ?? [];
    const value = (i: number) => Number(result[i]?.[1] ?? 0);
    if (value(0) >= this.config.auth.lockAfterFailures) throw this.lockedError('account', value(1));
    if (ip && value(2) >= this.config.auth.addressLockAfterFailures)
      throw this.lockedError('address', value(3));
  }

  /** Records a failure and returns how long to wait before answering, and whether it now locks. */
  async recordFailure(email: string, ip: string | null): Promise<FailureOutcome> {
    const windowSeconds = this.config.auth.lockMinutes * 60;
    const multi = this.redis
      .multi()
      .incr(this.accountKey(email))
      .expire(this.accountKey(email), windowSeconds);
    if (ip) multi.incr(this.addressKey(ip)).expire(this.addressKey(ip), windowSeconds);
    const result = (await multi.exec()) ?? [];
    const failures = Number(result[0]?.[1] ?? 1);
    const addressFailures = ip ? Number(result[2]?.[1] ?? 1) : 0;
    const { lockAfterFailures, addressLockAfterFailures } = this.config.auth;
    const locked: LockScope | null =
      failures >= lockAfterFailures
        ? 'account'
        : ip && addressFailures >= addressLockAfterFailures
          ? 'address'
          : null;
    return {
      failures,
      addressFailures,
      delayMs: failureDelayMs(failures, this.config.auth.slowAfterFailures),
      locked,
      lockedJustNow:
        failures === lockAfterFailures ||
        (ip !== null && addressFailures === addressLockAfterFailures),
    };
  }

  get lockMinutes(): number {
    return this.config.auth.lockMinutes;
  }

  lockedNow(scope: LockScope): never {
    throw this.lockedError(scope, this.config.auth.lockMinutes * 60);
  }

  async clear(email: string): Promise<void> {
    await this.redis.del(this.accountKey(email));
  }
}
