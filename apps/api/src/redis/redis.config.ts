import type { EnvReader } from '../config/env-reader.js';

export interface RedisConfig {
  url: string;
  /** Put before every key and queue name, so several instances or test runs can share one Redis. */
  prefix: string;
  /**
   * How long adding a job (or reading one) may wait for Redis before the request is answered 503:
   * a request must not hang while Redis restarts or stalls.
   */
  queueTimeoutMs: number;
}

export function redisConfig(env: EnvReader): RedisConfig {
  return {
    url: env.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'])!,
    prefix: env.string('REDIS_PREFIX', 'commonplan:'),
    queueTimeoutMs: env.integer('REDIS_QUEUE_TIMEOUT_MS', 2_000, { min: 100, max: 60_000 }),
  };
}
