import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DraftsGateway } from '../drafts/drafts.gateway.js';
import { QueueName } from '../jobs/job-names.js';
import { QueueEventsRelay } from '../jobs/queue-events-relay.js';
import { exportOfJob } from './draft-export.payload.js';
import { ExportsService } from './exports.service.js';

/**
 * Relays the exports queue's events to the browsers watching the draft's plan, on the drafts'
 * channel, as `draft-export:changed` with the export's summary read from PostgreSQL.
 */
@Injectable()
export class DraftExportProgressRelay implements OnModuleInit, OnApplicationShutdown {
  private readonly relay: QueueEventsRelay<{ draftId: string; format: 'docx' | 'pdf' }>;

  constructor(
    private readonly exports: ExportsService,
    private readonly gateway: DraftsGateway,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.relay = new QueueEventsRelay(
      {
        queue: QueueName.Exports,
        keyOf: exportOfJob,
        chainOf: ({ draftId, format }) => `${draftId}:${format}`,
        send: async ({ draftId, format }) =>
          this.gateway.publishExport(await this.exports.summaryOf(draftId, format)),
        failureEvent: 'export_relay_failed',
      },
      config,
      logger,
    );
  }

  onModuleInit(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.close();
  }
}
