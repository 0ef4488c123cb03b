/**
 * The API's HTTP server: NestJS with the REST API, socket.io and the web client, on a validated
 * configuration. Loaded by main.ts only once the configuration has passed its checks, so a bad
 * variable is reported without first loading the whole application.
 */
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { CollabIoAdapter } from './collab/collab-io.adapter.js';
import { AppExceptionFilter } from './common/exception.filter.js';
import { stopOnSignals } from './common/graceful-shutdown.js';
import { PinoNestLogger } from './common/logger.js';
import { requestContextMiddleware } from './common/request-context.js';
import { createValidationPipe } from './common/validation.js';
import { seedDemo } from './seed/demo-seed.js';
import { serveWebClient } from './web-client/web-client.js';
import { securityHeaders } from './web-client/security-headers.js';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';

export async function startHttpServer(config: AppConfig, logger: Logger): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(requestContextMiddleware(logger));
  app.use(securityHeaders({ production: config.env === 'production' }));
  // Only our own origin (and any in ALLOWED_ORIGINS) may read answers from another origin.
  app.enableCors({ origin: config.http.allowedOrigins, credentials: true, maxAge: 600 });
  app.useBodyParser('json', { limit: config.http.bodyLimitBytes });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AppExceptionFilter(logger));
  stopOnSignals(app, logger);
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
