import type { EnvReader } from '../config/env-reader.js';

export interface RedisConfig {
  url: string;
  /** Put before every key and queue name, so several instances or test runs can share one Redis. */
  prefix: string;
}

export function redisConfig(env: EnvReader): RedisConfig {
  return {
    url: env.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'])!,
    prefix: env.string('REDIS_PREFIX', 'commonplan:'),
  };
}
