import { collabParser, collabPath } from '@commonplan/protocol';
import type { CollabSocket } from '@commonplan/collab-client';
import { io } from 'socket.io-client';

let current: { userId: string; socket: CollabSocket } | null = null;

/**
 * The tab's one real-time connection, for the signed-in person: the section editor joins sections
 * over it, and notifications and status changes arrive on it. socket.io reconnects it by itself;
 * a new person signing in gets a new one.
 */
export function tabSocket(userId: string): CollabSocket {
  if (current?.userId === userId) {
    if (!current.socket.connected && !current.socket.active) current.socket.connect();
    return current.socket;
  }
  current?.socket.close();
  const socket: CollabSocket = io(window.location.origin, {
    path: collabPath,
    parser: collabParser,
    transports: ['websocket'],
    withCredentials: true,
    reconnection: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 30_000,
  });
  current = { userId, socket };
  return socket;
}

/** Closes the tab's connection when the person signs out. */
export function closeTabSocket(): void {
  current?.socket.close();
  current = null;
}
