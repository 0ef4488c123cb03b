import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationStore } from '../notifications/notification-store.js';
import type { Notification } from '../notifications/notification.entity.js';

interface DraftFacts {
  plan_id: string;
  footprint_id: string;
  plan_title: string;
  number: number;
  requested_by: string | null;
}

/**
 * Tells people a draft is ready or has failed for good: the person who asked for it, or, for a
 * draft a schedule made, the plan's leads. Written by the worker in the same transaction that
 * marks the draft, so the notice exists exactly when the status does (never lost, never twice:
 * one row per draft, person and kind); each API instance then pushes it to its own sockets.
 */
@Injectable()
export class DraftNotices {
  constructor(private readonly store: NotificationStore) {}

  async record(
    manager: EntityManager,
    draftId: string,
    outcome: 'ready' | 'failed',
  ): Promise<Notification[]> {
    const [draft] = await manager.query<DraftFacts[]>(
      `SELECT d.plan_id, p.footprint_id, p.title AS plan_title, d.number, d.requested_by
         FROM plan_drafts d JOIN plans p ON p.id = d.plan_id
        WHERE d.id = $1`,
      [draftId],
    );
    if (!draft) return [];
    const recipientIds = draft.requested_by
      ? [draft.requested_by]
      : (
          await manager.query<Array<{ user_id: string }>>(
            `SELECT user_id FROM memberships WHERE footprint_id = $1 AND role = 'lead'`,
            [draft.footprint_id],
          )
        ).map((row) => row.user_id);
    const name = `${draft.requested_by ? 'Draft' : 'Scheduled draft'} ${draft.number} of “${draft.plan_title}”`;
    return this.store.store(
      {
        kind: outcome === 'ready' ? 'draft_ready' : 'draft_failed',
        recipientIds,
        actorId: null,
        footprintId: draft.footprint_id,
        planId: draft.plan_id,
        draftId,
        text: outcome === 'ready' ? `${name} is ready` : `${name} could not be made`,
        link: outcome === 'ready' ? `/drafts/${draftId}` : `/plans/${draft.plan_id}/drafts`,
      },
      manager,
    );
  }
}
