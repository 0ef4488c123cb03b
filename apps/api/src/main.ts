import 'reflect-metadata';
import { createLogger } from './common/logger.js';
import { loadAppConfig } from './config/app-config.js';
import { ConfigError } from './config/env-reader.js';
import { checkRedisEvictionPolicy } from './redis/redis-policy.js';

/**
 * The API's entry point. The configuration, and Redis's eviction policy, are checked before the
 * application is loaded, so a bad variable or a Redis that would drop queued jobs stops the process
 * at once (exit 78) with a message saying what to change.
 */
async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, 'api');
  const redisProblem = await checkRedisEvictionPolicy(config.redis, logger);
  if (redisProblem) {
    process.stderr.write(`${redisProblem}\n`);
    process.exit(78);
  }
  const { startHttpServer } = await import('./http-server.js');
  await startHttpServer(config, logger);
}

void bootstrap();
