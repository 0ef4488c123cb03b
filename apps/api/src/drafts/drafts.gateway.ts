import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import {
  collabError,
  DraftClientEvent,
  DraftServerEvent,
  readPlanId,
  type WatchDraftsAck,
} from '@commonplan/protocol';
import type { DraftExportSummary, DraftSummary } from '@commonplan/domain';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type { AuthContext } from '../auth/auth-context.js';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PlansService } from '../plans/plans.service.js';

const room = (planId: string) => `plan-drafts:${planId}`;

/**
 * Live draft progress on the real-time channel: a browser watches a plan (if it may read its
 * drafts) and is sent each change of the plan's drafts and of their exports. The connection was authenticated at the
 * handshake by the collab gateway, which keeps the person on `socket.data.session`.
 */
@WebSocketGateway()
export class DraftsGateway implements OnGatewayInit, OnApplicationShutdown {
  private server: Server | null = null;
  /** The plans each socket watches, so access can be checked again while they watch. */
  private readonly watching = new Map<Socket, Set<string>>();
  private recheckTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly plans: PlansService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  afterInit(server: Server): void {
    this.server = server;
    // Someone who leaves the footprint (or whose role no longer reads drafts) stops hearing of
    // them at the next check, on the same period as the collab channel's own access sweep.
    this.recheckTimer = setInterval(
      () => void this.recheckAll(),
      this.config.collab.accessRecheckSeconds * 1000,
    );
    this.recheckTimer.unref();
    server.on('connection', (socket: Socket) => {
      socket.on('disconnect', () => this.watching.delete(socket));
      socket.on(DraftClientEvent.Watch, (message: unknown, ack?: unknown) => {
        const answer = typeof ack === 'function' ? (ack as (result: WatchDraftsAck) => void) : null;
        void this.watch(socket, message)
          .then((result) => answer?.(result))
          .catch((error: unknown) => {
            this.logger.error({ event: 'drafts_watch_failed', err: error }, 'drafts watch failed');
            answer?.({ ok: false, error: collabError('internal_error') });
          });
      });
      socket.on(DraftClientEvent.Unwatch, (message: unknown) => {
        const planId = readPlanId(message);
        if (planId) this.unwatch(socket, planId);
      });
    });
  }

  onApplicationShutdown(): void {
    if (this.recheckTimer) clearInterval(this.recheckTimer);
  }

  /** Whether the socket's person may read the plan's drafts: null if so, else the refusal. */
  private async refusal(socket: Socket, planId: string): Promise<WatchDraftsAck | null> {
    const auth = (socket.data as { session?: { auth: AuthContext } }).session?.auth;
    if (!auth) return { ok: false, error: collabError('not_authenticated') };
    try {
      await this.plans.load(auth, planId, 'draft.read');
      return null;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404) return { ok: false, error: collabError('plan_not_found') };
      if (status === 403) return { ok: false, error: collabError('forbidden') };
      throw error;
    }
  }

  private async watch(socket: Socket, message: unknown): Promise<WatchDraftsAck> {
    const planId = readPlanId(message);
    if (!planId) return { ok: false, error: collabError('invalid_payload') };
    const refused = await this.refusal(socket, planId);
    if (refused) return refused;
    if (!socket.connected) return { ok: false, error: collabError('internal_error') };
    await socket.join(room(planId));
    const plans = this.watching.get(socket) ?? new Set<string>();
    plans.add(planId);
    this.watching.set(socket, plans);
    return { ok: true, planId };
  }

  private unwatch(socket: Socket, planId: string): void {
    void socket.leave(room(planId));
    const plans = this.watching.get(socket);
    plans?.delete(planId);
    if (plans?.size === 0) this.watching.delete(socket);
  }

  private async recheckAll(): Promise<void> {
    for (const [socket, plans] of [...this.watching]) {
      for (const planId of [...plans]) {
        try {
          if (await this.refusal(socket, planId)) this.unwatch(socket, planId);
        } catch (error) {
          this.logger.warn({ event: 'drafts_recheck_failed', err: error }, 'drafts recheck failed');
        }
      }
    }
  }

  /**
   * Tells this instance's watchers of a plan. Every API instance relays the queue's events itself,
   * so each sends only to its own sockets (`local`), never through the Redis adapter again.
   */
  publish(draft: DraftSummary): void {
    this.server?.local.to(room(draft.planId)).emit(DraftServerEvent.Changed, draft);
  }

  /** Tells this instance's watchers of a plan that an export of one of its drafts changed. */
  publishExport(draftExport: DraftExportSummary): void {
    this.server?.local
      .to(room(draftExport.planId))
      .emit(DraftServerEvent.ExportChanged, draftExport);
  }
}
