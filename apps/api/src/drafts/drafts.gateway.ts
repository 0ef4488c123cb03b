import { Inject } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import {
  collabError,
  DraftClientEvent,
  DraftServerEvent,
  readPlanId,
  type WatchDraftsAck,
} from '@commonplan/protocol';
import type { DraftSummary } from '@commonplan/domain';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type { AuthContext } from '../auth/auth-context.js';
import { LOGGER } from '../common/logger.js';
import { PlansService } from '../plans/plans.service.js';

const room = (planId: string) => `plan-drafts:${planId}`;

/**
 * Live draft progress on the real-time channel: a browser watches a plan (if it may read its
 * drafts) and is sent each change of the plan's drafts. The connection was authenticated at the
 * handshake by the collab gateway, which keeps the person on `socket.data.session`.
 */
@WebSocketGateway()
export class DraftsGateway implements OnGatewayInit {
  private server: Server | null = null;

  constructor(
    private readonly plans: PlansService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  afterInit(server: Server): void {
    this.server = server;
    server.on('connection', (socket: Socket) => {
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
        if (planId) void socket.leave(room(planId));
      });
    });
  }

  private async watch(socket: Socket, message: unknown): Promise<WatchDraftsAck> {
    const planId = readPlanId(message);
    if (!planId) return { ok: false, error: collabError('invalid_payload') };
    const auth = (socket.data as { session?: { auth: AuthContext } }).session?.auth;
    if (!auth) return { ok: false, error: collabError('not_authenticated') };
    try {
      await this.plans.load(auth, planId, 'draft.read');
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404) return { ok: false, error: collabError('plan_not_found') };
      if (status === 403) return { ok: false, error: collabError('forbidden') };
      throw error;
    }
    await socket.join(room(planId));
    return { ok: true, planId };
  }

  /**
   * Tells this instance's watchers of a plan. Every API instance relays the queue's events itself,
   * so each sends only to its own sockets (`local`), never through the Redis adapter again.
   */
  publish(draft: DraftSummary): void {
    this.server?.local.to(room(draft.planId)).emit(DraftServerEvent.Changed, draft);
  }
}
