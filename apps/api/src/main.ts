import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { CollabIoAdapter } from './collab/collab-io.adapter.js';
import { AppExceptionFilter } from './common/exception.filter.js';
import { createLogger, PinoNestLogger } from './common/logger.js';
import { requestContextMiddleware } from './common/request-context.js';
import { createValidationPipe } from './common/validation.js';
import { ConfigError } from './config/env-reader.js';
import { loadAppConfig } from './config/app-config.js';
import { seedDemo } from './seed/demo-seed.js';
import { serveWebClient } from './web-client/web-client.js';
import { securityHeaders } from './web-client/security-headers.js';

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
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(requestContextMiddleware(logger));
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: config.http.bodyLimitBytes });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AppExceptionFilter(logger));
  app.enableShutdownHooks();
  app.useWebSocketAdapter(new CollabIoAdapter(app, config));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Commonplan API')
      .setDescription(
        'Plans, sections and partnerships for health and care partnerships. Sign in at /api/auth/sign-in; the session cookie authenticates every other call.',
      )
      .setVersion('1')
      .addCookieAuth('cp_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const dataSource = app.get(DataSource);
  if (await dataSource.showMigrations()) {
    logger.fatal(
      'the database schema is out of date: run `npm run db:migrate` (npm start does this for you)',
    );
    await app.close();
    process.exit(1);
  }
  if (config.seed.seedDemo) await seedDemo(dataSource, config.seed.demoPassword, logger);

  serveWebClient(app.getHttpAdapter().getInstance(), config.http.webDistDir, logger);
  await app.listen(config.http.port, config.http.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  logger.info(
    { event: 'listening', port, url: config.http.publicUrl },
    `Commonplan is listening on port ${port}`,
  );
}

void bootstrap();
