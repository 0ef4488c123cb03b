import 'reflect-metadata';
import { createLogger } from './common/logger.js';
import { loadAppConfig } from './config/app-config.js';
import { ConfigError } from './config/env-reader.js';

/**
 * The API's entry point. The configuration is checked before the application is loaded, so a bad
 * variable stops the process at once (exit 78) with a message naming it.
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
  const { startHttpServer } = await import('./http-server.js');
  await startHttpServer(config, logger);
}

void bootstrap();
