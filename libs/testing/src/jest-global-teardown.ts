import { Redis } from 'ioredis';
import { dropTestDatabases } from './test-database.ts';
import { defaultRedisUrl } from './workspace.ts';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.TEST_TEMPLATE_DATABASE_NAME;
  // The template, the shared database and every file's own copy: all their names start alike.
  if (template && !process.env.KEEP_TEST_DATABASE) await dropTestDatabases(template);
  const prefix = process.env.TEST_REDIS_PREFIX;
  if (!prefix) return;
  const redis = new Redis(process.env.REDIS_URL ?? defaultRedisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
