import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { DraftSummary } from '@commonplan/domain';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { QueueName } from '../jobs/job-names.js';
import { QueueEventsRelay } from '../jobs/queue-events-relay.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { draftIdOfJob } from './draft-generate.payload.js';
import { DraftsGateway } from './drafts.gateway.js';
import { DraftsService } from './drafts.service.js';

/** The step a progress event reports, when it is one the worker sent while generating. */
function progressOf(
  data: unknown,
  summary: DraftSummary,
): Pick<DraftSummary, 'status' | 'sectionsDone'> | Record<string, never> {
  if (typeof data !== 'object' || data === null) return {};
  const { status, sectionsDone } = data as { status?: unknown; sectionsDone?: unknown };
  if (status !== 'generating' || (summary.status !== 'generating' && summary.status !== 'ready'))
    return {};
  if (typeof sectionsDone !== 'number' || sectionsDone < 0 || sectionsDone > summary.sectionsTotal)
    return {};
  return { status, sectionsDone };
}

/** Whether a progress event says the draft reached its final state (reported after the commit). */
function isFinal(data: unknown): boolean {
  const status = (data as { status?: unknown } | null)?.status;
  return status === 'ready' || status === 'failed';
}

/**
 * Relays the drafts queue's events (progress, done, failed, waiting) to browsers. The event only
 * says which draft moved; the draft's row in PostgreSQL says where it is, so what browsers see is
 * always what a reload would show. A progress event carries the count the worker had reached,
 * which the row may already have passed; browsers see every step. The worker stores a draft's
 * notices with its final status and reports `ready` or `failed` only after that commit; then this
 * instance pushes them to its own sockets.
 */
@Injectable()
export class DraftProgressRelay implements OnModuleInit, OnApplicationShutdown {
  private readonly relay: QueueEventsRelay<string>;

  constructor(
    private readonly drafts: DraftsService,
    private readonly gateway: DraftsGateway,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.relay = new QueueEventsRelay(
      {
        queue: QueueName.Drafts,
        keyOf: draftIdOfJob,
        chainOf: (draftId) => draftId,
        send: async (draftId, progress) => {
          const summary = await this.drafts.summary(draftId);
          this.gateway.publish({ ...summary, ...progressOf(progress, summary) });
          if (isFinal(progress)) await this.notifications.pushDraftNotices(draftId);
        },
        failureEvent: 'draft_relay_failed',
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
