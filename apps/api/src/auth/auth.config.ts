import type { EnvReader } from '../config/env-reader.js';

export interface AuthConfig {
  /** A session unused for this long ends. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  sessionAbsoluteHours: number;
  /** Send the cookie over HTTPS only; on whenever PUBLIC_URL is https. */
  cookieSecure: boolean;
  /** Failed sign-ins for one address before each answer is slowed. */
  slowAfterFailures: number;
  /** Failed sign-ins for one address before it is locked. */
  lockAfterFailures: number;
  /** Failed sign-ins from one network address, whichever accounts, before it is locked. */
  addressLockAfterFailures: number;
  lockMinutes: number;
  invitationDays: number;
}

export function authConfig(env: EnvReader): AuthConfig {
  const publicUrl = env.optionalString('PUBLIC_URL') ?? '';
  return {
    sessionIdleMinutes: env.integer('SESSION_IDLE_MINUTES', 8 * 60, { min: 1 }),
    sessionAbsoluteHours: env.integer('SESSION_ABSOLUTE_HOURS', 7 * 24, { min: 1 }),
    cookieSecure: env.boolean('COOKIE_SECURE', publicUrl.startsWith('https:')),
    slowAfterFailures: env.integer('SIGN_IN_SLOW_AFTER', 3, { min: 1, max: 100 }),
    lockAfterFailures: env.integer('SIGN_IN_LOCK_AFTER', 10, { min: 1, max: 1000 }),
    addressLockAfterFailures: env.integer('SIGN_IN_ADDRESS_LOCK_AFTER', 100, {
      min: 1,
      max: 100_000,
    }),
    lockMinutes: env.integer('SIGN_IN_LOCK_MINUTES', 15, { min: 1, max: 24 * 60 }),
    invitationDays: env.integer('INVITATION_DAYS', 14, { min: 1, max: 90 }),
  };
}
