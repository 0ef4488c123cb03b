import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import type { DraftSummary } from '@commonplan/domain';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { QueueName } from '../jobs/job-names.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { bullConnection, bullPrefix } from '../jobs/queue.service.js';
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
 * always what a reload would show.
 */
@Injectable()
export class DraftProgressRelay implements OnModuleInit, OnApplicationShutdown {
  private events: QueueEvents | null = null;
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly drafts: DraftsService,
    private readonly gateway: DraftsGateway,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.events = new QueueEvents(QueueName.Drafts, {
      connection: bullConnection(this.config),
      prefix: bullPrefix(this.config),
    });
    const relay = ({ jobId }: { jobId: string }) => this.relay(jobId);
    this.events.on('progress', ({ jobId, data }) => {
      this.relay(jobId, data);
      if (isFinal(data)) this.pushNotices(jobId);
    });
    this.events.on('completed', relay);
    this.events.on('failed', relay);
    this.events.on('waiting', relay);
    this.events.on('error', (error) =>
      this.logger.warn({ event: 'draft_events_error', err: error.message }, 'draft events error'),
    );
  }

  /**
   * Sends a draft's summary, in the order the queue's events came: one chain per draft, so a slow
   * read cannot send an older state after a newer one. A progress event carries the count the
   * worker had reached, which the row may already have passed; browsers see every step.
   */
  private relay(jobId: string, progress?: unknown): void {
    const draftId = draftIdOfJob(jobId);
    if (!draftId) return;
    const previous = this.chains.get(draftId) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        const summary = await this.drafts.summary(draftId);
        this.gateway.publish({ ...summary, ...progressOf(progress, summary) });
      } catch (error) {
        this.logger.warn(
          { event: 'draft_relay_failed', draftId, err: error },
          'could not relay draft',
        );
      }
    });
    this.chains.set(draftId, next);
    void next.finally(() => {
      if (this.chains.get(draftId) === next) this.chains.delete(draftId);
    });
  }

  /**
   * The worker stored the draft's notices with its final status and reports `ready` or `failed`
   * only after that commit; this instance pushes them to its own sockets.
   */
  private pushNotices(jobId: string): void {
    const draftId = draftIdOfJob(jobId);
    if (!draftId) return;
    this.notifications
      .pushDraftNotices(draftId)
      .catch((error: unknown) =>
        this.logger.warn(
          { event: 'draft_notice_push_failed', draftId, err: error },
          'could not push draft notices',
        ),
      );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.events?.close().catch(() => undefined);
  }
}
