import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type NotificationsPage,
  type NotificationView,
  type PlanMuteView,
} from '@commonplan/domain';
import { ServerEvent, type NotificationMessage } from '@commonplan/protocol';
import { DataSource, In, IsNull } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { User } from '../auth/user.entity.js';
import { RealtimeRooms } from '../collab/realtime-rooms.service.js';
import type { PlanAccess } from '../plans/plans.service.js';
import { NotificationEmails } from './notification-emails.js';
import { fromRaw, NotificationStore, type NotifyInput } from './notification-store.js';
import { Notification } from './notification.entity.js';
import { toNotificationView } from './notification.view.js';
import { notificationError, NotificationErrorCode } from './notifications.errors.js';
import { PlanMute } from './plan-mute.entity.js';

export type { NotifyInput } from './notification-store.js';

/**
 * Tells people about what concerns them: stores one row per recipient, pushes each live to the
 * person's open tabs, and emails it when the instance sends mail. Other features call `notify`
 * after their change has committed. Notices the worker stores (a draft ready or failed) are pushed
 * by `pushDraftNotices` on each API instance, to that instance's own sockets.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: NotificationStore,
    private readonly emails: NotificationEmails,
    private readonly rooms: RealtimeRooms,
  ) {}

  /** Notifies the people concerned; returns what was stored, one per person told. */
  async notify(input: NotifyInput): Promise<NotificationView[]> {
    const rows = await this.store.store(input);
    if (rows.length === 0) return [];
    const views = await this.push(rows, 'everywhere');
    await this.emails.send(rows);
    return views;
  }

  /**
   * Pushes the notices stored about a draft to their recipients' tabs on this instance. Every API
   * instance hears the drafts queue's events and calls this, so each sends only to its own
   * sockets and a person's tab is told once.
   */
  async pushDraftNotices(draftId: string): Promise<void> {
    const raw = await this.dataSource.query<Array<Record<string, unknown>>>(
      'SELECT * FROM notifications WHERE draft_id = $1',
      [draftId],
    );
    if (raw.length === 0) return;
    await this.push(
      raw.map((row) => fromRaw(this.dataSource.manager, row)),
      'here',
    );
  }

  private async push(
    rows: Notification[],
    where: 'everywhere' | 'here',
  ): Promise<NotificationView[]> {
    const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
    const actors = actorIds.length
      ? await this.dataSource.getRepository(User).find({
          select: { id: true, name: true },
          where: { id: In(actorIds) },
        })
      : [];
    const actorById = new Map(
      actors.map((actor) => [actor.id, { id: actor.id, name: actor.name }]),
    );
    const unread = await this.unreadCounts([...new Set(rows.map((row) => row.recipientId))]);
    return rows.map((row) => {
      const view = toNotificationView(
        row,
        row.actorId ? (actorById.get(row.actorId) ?? null) : null,
      );
      const message: NotificationMessage = {
        notification: view,
        unread: unread.get(row.recipientId) ?? 1,
      };
      if (where === 'here')
        this.rooms.toUserHere(row.recipientId, ServerEvent.Notification, message);
      else this.rooms.toUser(row.recipientId, ServerEvent.Notification, message);
      return view;
    });
  }

  private async unreadCounts(userIds: string[]): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<Array<{ recipient_id: string; n: number }>>(
      `SELECT recipient_id, count(*)::int AS n FROM notifications
        WHERE recipient_id = ANY($1::uuid[]) AND read_at IS NULL GROUP BY recipient_id`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.recipient_id, row.n]));
  }

  /** My notifications, newest first, with how many are unread. */
  async list(
    auth: AuthContext,
    query: { page: number; pageSize: number; unreadOnly?: boolean },
  ): Promise<NotificationsPage> {
    const repository = this.dataSource.getRepository(Notification);
    const where = {
      recipientId: auth.user.id,
      ...(query.unreadOnly ? { readAt: IsNull() } : {}),
    };
    const [rows, total] = await repository.findAndCount({
      where,
      relations: { actor: true },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const unread = await repository.count({
      where: { recipientId: auth.user.id, readAt: IsNull() },
    });
    return {
      items: rows.map((row) =>
        toNotificationView(row, row.actor ? { id: row.actor.id, name: row.actor.name } : null),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
      unread,
    };
  }

  async markRead(auth: AuthContext, notificationId: string): Promise<{ unread: number }> {
    const repository = this.dataSource.getRepository(Notification);
    const found = await repository.findOne({
      select: { id: true },
      where: { id: notificationId, recipientId: auth.user.id },
    });
    if (!found) throw notificationError(NotificationErrorCode.NotificationNotFound);
    await repository.update(
      { id: notificationId, recipientId: auth.user.id, readAt: IsNull() },
      { readAt: () => 'now()' },
    );
    return {
      unread: await repository.count({ where: { recipientId: auth.user.id, readAt: IsNull() } }),
    };
  }

  async markAllRead(auth: AuthContext): Promise<{ unread: number }> {
    await this.dataSource
      .getRepository(Notification)
      .update({ recipientId: auth.user.id, readAt: IsNull() }, { readAt: () => 'now()' });
    return { unread: 0 };
  }

  async muteState(auth: AuthContext, planAccess: PlanAccess): Promise<PlanMuteView> {
    const muted = await this.dataSource
      .getRepository(PlanMute)
      .exists({ where: { userId: auth.user.id, planId: planAccess.plan.id } });
    return { planId: planAccess.plan.id, muted };
  }

  async setMuted(auth: AuthContext, planAccess: PlanAccess, muted: boolean): Promise<PlanMuteView> {
    const repository = this.dataSource.getRepository(PlanMute);
    if (muted)
      await repository.upsert({ userId: auth.user.id, planId: planAccess.plan.id }, [
        'userId',
        'planId',
      ]);
    else await repository.delete({ userId: auth.user.id, planId: planAccess.plan.id });
    return { planId: planAccess.plan.id, muted };
  }
}
