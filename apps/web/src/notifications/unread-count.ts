import { ServerEvent, type NotificationMessage } from '@commonplan/protocol';
import { useEffect, useSyncExternalStore } from 'react';
import { tabSocket } from '../shared/realtime/tab-socket';
import { listNotifications } from './notifications.api';

/**
 * The signed-in person's unread count, shared by the header badge and the notifications page: read
 * once from the API, then kept current by live notifications and by marking things read.
 */
let unread: number | null = null;
const listeners = new Set<() => void>();
const newListeners = new Set<(message: NotificationMessage) => void>();

export function setUnreadCount(value: number): void {
  unread = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Hears each notification as it arrives, for pages that list them. */
export function onNewNotification(listener: (message: NotificationMessage) => void): () => void {
  newListeners.add(listener);
  return () => newListeners.delete(listener);
}

/** Keeps the count for this person: loads it and listens on the tab's connection. */
export function useUnreadCount(userId: string | null): number | null {
  useEffect(() => {
    if (!userId) return;
    const controller = new AbortController();
    listNotifications(1, 1, controller.signal).then(
      (page) => setUnreadCount(page.unread),
      () => undefined,
    );
    const socket = tabSocket(userId);
    const heard = (message: NotificationMessage) => {
      setUnreadCount(message.unread);
      for (const listener of newListeners) listener(message);
    };
    // After a reconnect, anything missed meanwhile is counted again from the API.
    const reconnected = () => {
      listNotifications(1, 1).then(
        (page) => setUnreadCount(page.unread),
        () => undefined,
      );
    };
    socket.on(ServerEvent.Notification, heard);
    socket.io.on('reconnect', reconnected);
    return () => {
      controller.abort();
      socket.off(ServerEvent.Notification, heard);
      socket.io.off('reconnect', reconnected);
    };
  }, [userId]);
  return useSyncExternalStore(subscribe, () => (userId ? unread : null));
}
