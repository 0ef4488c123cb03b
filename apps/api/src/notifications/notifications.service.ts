import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  notificationKindLabels,
  type NotificationKind,
  type NotificationsPage,
  type NotificationView,
  type PlanMuteView,
} from '@commonplan/domain';
import { ServerEvent, type NotificationMessage } from '@commonplan/protocol';
import type { Logger } from 'pino';
import { DataSource, In, IsNull } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Membership } from '../auth/membership.entity.js';
import { User } from '../auth/user.entity.js';
import { RealtimeRooms } from '../collab/realtime-rooms.service.js';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MailQueue } from '../mail/mail.queue.js';
import type { PlanAccess } from '../plans/plans.service.js';
import { notificationRecipients } from './notification-recipients.js';
import { Notification } from './notification.entity.js';
import { toNotificationView } from './notification.view.js';
import { notificationError, NotificationErrorCode } from './notifications.errors.js';
import { PlanMute } from './plan-mute.entity.js';

/** What happened, for `NotificationsService.notify`. */
export interface NotifyInput {
  kind: NotificationKind;
  /** Everyone who should hear of it; the actor, non-members and people who muted the plan are dropped. */
  recipientIds: readonly string[];
  /** Who did it (never notified of their own action); null for the system. */
  actorId: string | null;
  footprintId: string;
  planId?: string | null;
  sectionId?: string | null;
  /** One line saying what happened, e.g. `Asha Patel asked you to review “Mental health”`. */
  text: string;
  /** Where in the web app it leads, e.g. `/sections/<id>`. */
  link: string;
}

const maxText = 300;

/**
 * Tells people about what concerns them: stores one row per recipient, pushes each live to the
 * person's open tabs, and emails it when the instance sends mail. Other features call `notify`
 * after their change has committed.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rooms: RealtimeRooms,
    private readonly mail: MailQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Notifies the people concerned; returns what was stored, one per person told. */
  async notify(input: NotifyInput): Promise<NotificationView[]> {
    const candidates = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
    if (candidates.length === 0) return [];
    const [members, mutes] = await Promise.all([
      this.dataSource.getRepository(Membership).find({
        select: { userId: true },
        where: { footprintId: input.footprintId, userId: In(candidates) },
      }),
      input.planId
        ? this.dataSource.getRepository(PlanMute).find({
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
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        recipients.map((recipientId) => ({
          recipientId,
          footprintId: input.footprintId,
          planId: input.planId ?? null,
          sectionId: input.sectionId ?? null,
          kind: input.kind,
          actorId: input.actorId,
          text,
          link: input.link,
        })),
      )
      .returning('*')
      .execute();
    const rows = (inserted.raw as Array<Record<string, unknown>>).map((raw) =>
      this.dataSource.getRepository(Notification).create({
        id: raw.id as string,
        recipientId: raw.recipient_id as string,
        footprintId: raw.footprint_id as string,
        planId: (raw.plan_id as string | null) ?? null,
        sectionId: (raw.section_id as string | null) ?? null,
        kind: raw.kind as NotificationKind,
        actorId: (raw.actor_id as string | null) ?? null,
        text: raw.text as string,
        link: raw.link as string,
        readAt: null,
        createdAt: new Date(raw.created_at as string),
      }),
    );
    const people = await this.dataSource.getRepository(User).find({
      select: { id: true, name: true, email: true },
      where: { id: In([...recipients, ...(input.actorId ? [input.actorId] : [])]) },
    });
    const byId = new Map(people.map((person) => [person.id, person]));
    const actor = input.actorId ? byId.get(input.actorId) : undefined;
    const actorRef = actor ? { id: actor.id, name: actor.name } : null;
    const unread = await this.unreadCounts(recipients);
    const views = rows.map((row) => toNotificationView(row, actorRef));
    for (const view of views) {
      const recipientId = rows.find((row) => row.id === view.id)!.recipientId;
      const message: NotificationMessage = {
        notification: view,
        unread: unread.get(recipientId) ?? 1,
      };
      this.rooms.toUser(recipientId, ServerEvent.Notification, message);
    }
    if (this.mail.enabled) await this.email(rows, byId);
    return views;
  }

  private async email(rows: Notification[], people: Map<string, User>): Promise<void> {
    for (const row of rows) {
      const person = people.get(row.recipientId);
      if (!person) continue;
      try {
        await this.mail.send({
          to: person.email,
          subject: `${notificationKindLabels[row.kind]}: ${row.text}`.slice(0, 200),
          text: [
            `${row.text}.`,
            '',
            `Open it in Commonplan: ${this.config.http.publicUrl}${row.link}`,
            '',
            'You get these emails because you take part in this plan. To stop them, open the plan and choose "Mute this plan".',
          ].join('\n'),
        });
      } catch (error) {
        // The notification is stored and shown in the app; a mail queue hiccup must not undo it.
        this.logger.warn(
          { event: 'notification_mail_failed', notificationId: row.id, err: error },
          'could not queue a notification email',
        );
      }
    }
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
