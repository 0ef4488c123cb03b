import type { NotificationView } from '@commonplan/domain';
import type { Notification } from './notification.entity.js';

export function toNotificationView(
  notification: Notification,
  actor: { id: string; name: string } | null,
): NotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    footprintId: notification.footprintId,
    planId: notification.planId,
    sectionId: notification.sectionId,
    actor,
    text: notification.text,
    link: notification.link,
    readAt: notification.readAt?.toISOString() ?? null,
    createdAt: notification.createdAt.toISOString(),
  };
}
