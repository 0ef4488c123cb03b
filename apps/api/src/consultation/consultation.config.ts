import type { EnvReader } from '../config/env-reader.js';

/** How public responses are limited, checked for spam, and how long contact details are kept. */
export interface ConsultationConfig {
  /** Responses one client address may send in an hour, across every plan. */
  responsesPerIpPerHour: number;
  /** Responses one plan takes in an hour from everyone together (a flood stops here). */
  responsesPerPlanPerHour: number;
  /** A response sent sooner than this after the form was served is held as spam. */
  minFillSeconds: number;
  /** A form served longer ago than this must be reloaded before its response is taken. */
  formTokenMaxAgeHours: number;
  /**
   * Signs the form token; the same on every API instance. When unset, a random one is made once
   * and kept in Redis, where every instance finds it.
   */
  formSecret: string | null;
  /** More links than this in a response holds it as spam. */
  maxLinks: number;
  /** Words and phrases that hold a response as spam, lower case. */
  blockedWords: string[];
  /** Names and email addresses given with responses are erased this many days after closing. */
  contactRetentionDays: number;
}

export function consultationConfig(env: EnvReader): ConsultationConfig {
  const formSecret = env.optionalString('CONSULTATION_FORM_SECRET') ?? null;
  if (formSecret !== null && formSecret.length < 32)
    env.problems.push(
      'CONSULTATION_FORM_SECRET must be at least 32 characters (or unset, to keep a random one in Redis)',
    );
  return {
    responsesPerIpPerHour: env.integer('CONSULTATION_RESPONSES_PER_IP_PER_HOUR', 10, {
      min: 1,
      max: 10_000,
    }),
    responsesPerPlanPerHour: env.integer('CONSULTATION_RESPONSES_PER_PLAN_PER_HOUR', 600, {
      min: 1,
      max: 1_000_000,
    }),
    minFillSeconds: env.integer('CONSULTATION_MIN_FILL_SECONDS', 5, { min: 0, max: 600 }),
    formTokenMaxAgeHours: env.integer('CONSULTATION_FORM_MAX_AGE_HOURS', 24, {
      min: 1,
      max: 24 * 30,
    }),
    formSecret,
    maxLinks: env.integer('CONSULTATION_MAX_LINKS', 3, { min: 0, max: 100 }),
    blockedWords: (env.optionalString('CONSULTATION_BLOCKED_WORDS') ?? '')
      .split(',')
      .map((word) => word.trim().toLowerCase())
      .filter(Boolean),
    contactRetentionDays: env.integer('CONSULTATION_CONTACT_RETENTION_DAYS', 90, {
      min: 1,
      max: 3650,
    }),
  };
}
