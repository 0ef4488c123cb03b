import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../auth/user.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Section } from '../sections/section.entity.js';
import type { CommentRecipientKind } from './comment-recipients.js';
import { CommentsService, type CommentPosted } from './comments.service.js';

/** What each kind of recipient is told, in one line. */
export function commentNotificationText(
  kind: CommentRecipientKind,
  actorName: string,
  sectionTitle: string,
): string {
  return kind === 'mentioned'
    ? `${actorName} mentioned you in a comment on “${sectionTitle}”`
    : `${actorName} replied in a thread on “${sectionTitle}”`;
}

/**
 * Turns committed comments into notifications: people mentioned (`mentioned`) and a thread's
 * earlier participants when it gets a reply (`thread_reply`). The comments service decides who;
 * this only words it and hands it to notifications, which drop the actor, non-members and mutes.
 */
@Injectable()
export class CommentNotifications implements OnModuleInit {
  constructor(
    private readonly comments: CommentsService,
    private readonly notifications: NotificationsService,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Section) private readonly sections: Repository<Section>,
  ) {}

  onModuleInit(): void {
    this.comments.onPosted((posted) => this.tell(posted));
  }

  private async tell(posted: CommentPosted): Promise<void> {
    if (posted.recipients.length === 0) return;
    const [actor, section] = await Promise.all([
      this.users.findOne({ where: { id: posted.actorId }, select: { id: true, name: true } }),
      this.sections.findOne({ where: { id: posted.sectionId }, select: { id: true, title: true } }),
    ]);
    if (!section) return;
    const actorName = actor?.name ?? 'Someone';
    for (const kind of ['mentioned', 'thread_reply'] as const) {
      const recipientIds = posted.recipients
        .filter((recipient) => recipient.kind === kind)
        .map((recipient) => recipient.userId);
      if (recipientIds.length === 0) continue;
      await this.notifications.notify({
        kind,
        recipientIds,
        actorId: posted.actorId,
        footprintId: posted.footprintId,
        planId: posted.planId,
        sectionId: posted.sectionId,
        text: commentNotificationText(kind, actorName, section.title),
        link: `/sections/${posted.sectionId}`,
      });
    }
  }
}
