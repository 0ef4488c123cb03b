import type { NotificationsPage, PlanMuteView } from '@commonplan/domain';
import { apiClient, withQuery } from '../shared/api/api-client';

export function listNotifications(page: number, pageSize: number, signal?: AbortSignal) {
  return apiClient.get<NotificationsPage>(
    withQuery('/api/notifications', { page, pageSize }),
    signal,
  );
}

export function markNotificationRead(notificationId: string) {
  return apiClient.post<{ unread: number }>(`/api/notifications/${notificationId}/read`);
}

export function markAllNotificationsRead() {
  return apiClient.post<{ unread: number }>('/api/notifications/read-all');
}

export function getPlanMute(planId: string, signal?: AbortSignal) {
  return apiClient.get<PlanMuteView>(`/api/plans/${planId}/mute`, signal);
}

export function setPlanMuted(planId: string, muted: boolean) {
  return apiClient.put<PlanMuteView>(`/api/plans/${planId}/mute`, { muted });
}
