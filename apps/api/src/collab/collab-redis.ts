import { Redis } from 'ioredis';
import type { RedisConfig } from '../redis/redis.config.js';

/**
 * A Redis connection for publish/subscribe. Unlike the shared one it queues commands while
 * reconnecting and never gives up, because losing a subscription silently is worse than waiting.
 * `pipelined` sends every command issued in one turn of the event loop in one write, for a
 * publisher that publishes every keystroke.
 */
export function pubSubConnection(config: RedisConfig, { pipelined = false } = {}): Redis {
  return new Redis(config.url, {
    maxRetriesPerRequest: null,
    lazyConnect: false,
    enableAutoPipelining: pipelined,
  });
}
