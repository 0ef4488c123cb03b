import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationKind } from '@commonplan/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Membership } from '../auth/membership.entity.js';
import { notificationRecipients } from './notification-recipients.js';
import { Notification } from './notification.entity.js';
import { PlanMute } from './plan-mute.entity.js';

/** What happened, for `NotificationsService.notify` and `NotificationStore.store`. */
export interface NotifyInput {
  kind: NotificationKind;
  /** Everyone who should hear of it; the actor, non-members and people who muted the plan are dropped. */
  recipientIds: readonly string[];
  /** Who did it (never notified of their own action); null for the system. */
  actorId: string | null;
  footprintId: string;
  planId?: string | null;
  sectionId?: string | null;
  /**
   * The draft it is about. A person is told of a draft once per kind: a second write of the same
   * notice (another process, a retry) stores nothing.
   */
  draftId?: string | null;
  /** One line saying what happened, e.g. `Asha Patel asked you to review “Mental health”`. */
  text: string;
  /** Where in the web app it leads, e.g. `/sections/<id>`. */
  link: string;
}

const maxText = 300;

/**
 * Stores notifications, one row per person told, inside the caller's transaction when given one.
 * Works in the worker too (no socket.io here): the API pushes what was stored
 * (`NotificationsService`).
 */
@Injectable()
export class NotificationStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns the rows stored now (none for a notice already stored). */
  async store(
    input: NotifyInput,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Notification[]> {
    const candidates = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
    if (candidates.length === 0) return [];
    const [members, mutes] = await Promise.all([
      manager.getRepository(Membership).find({
        select: { userId: true },
        where: { footprintId: input.footprintId, userId: In(candidates) },
      }),
      input.planId
        ? manager.getRepository(PlanMute).find({
            select: { userId: true },
            where: { planId: input.planId, userId: In(candidates) },
          })
        : Promise.resolve([]),
    ]);
    const recipients = notificationRecipients({
      recipientIds: candidates,
      actorId: input.actorId,
      memberIds: new Set(members.map((m) => m.userId)),
      mutedIds: new Set(mutes.map((m) => m.userId)),
    });
    if (recipients.length === 0) return [];
    const text = input.text.length > maxText ? `${input.text.slice(0, maxText - 1)}…` : input.text;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        recipients.map((recipientId) => ({
          recipientId,
          footprintId: input.footprintId,
          planId: input.planId ?? null,
          sectionId: input.sectionId ?? null,
          draftId: input.draftId ?? null,
          kind: input.kind,
          actorId: input.actorId,
          text,
          link: input.link,
        })),
      )
      .orIgnore()
      .returning('*')
      .execute();
    return (inserted.raw as Array<Record<string, unknown>>).map((raw) => fromRaw(manager, raw));
  }
}

/** A row as `INSERT … RETURNING *` or a plain query gives it. */
export function fromRaw(manager: EntityManager, raw: Record<string, unknown>): Notification {
  return manager.getRepository(Notification).create({
    id: raw.id as string,
    recipientId: raw.recipient_id as string,
    footprintId: raw.footprint_id as string,
    planId: (raw.plan_id as string | null) ?? null,
    sectionId: (raw.section_id as string | null) ?? null,
    draftId: (raw.draft_id as string | null) ?? null,
    kind: raw.kind as NotificationKind,
    actorId: (raw.actor_id as string | null) ?? null,
    text: raw.text as string,
    link: raw.link as string,
    readAt: raw.read_at ? new Date(raw.read_at as string) : null,
    createdAt: new Date(raw.created_at as string),
  });
}
