import type { DraftSummary } from '@commonplan/domain';
import {
  collabParser,
  collabPath,
  DraftClientEvent,
  DraftServerEvent,
  type WatchDraftsAck,
} from '@commonplan/protocol';
import { useEffect, useRef } from 'react';
import { io } from 'socket.io-client';

/**
 * Hears every change to a plan's drafts while the page is open: the server sends a draft's whole
 * summary each time the worker moves it on. After a reconnect the plan is watched again and the
 * page is asked to reload its list, in case something was missed meanwhile.
 */
export function useDraftChanges(
  planId: string,
  onChange: (draft: DraftSummary) => void,
  onReconnect: () => void,
): void {
  const handlers = useRef({ onChange, onReconnect });
  handlers.current = { onChange, onReconnect };

  useEffect(() => {
    const socket = io(window.location.origin, {
      path: collabPath,
      parser: collabParser,
      transports: ['websocket'],
      withCredentials: true,
    });
    let connectedBefore = false;
    socket.on('connect', () => {
      void (
        socket
          .timeout(10_000)
          .emitWithAck(DraftClientEvent.Watch, { planId }) as Promise<WatchDraftsAck>
      ).catch(() => undefined);
      if (connectedBefore) handlers.current.onReconnect();
      connectedBefore = true;
    });
    socket.on(DraftServerEvent.Changed, (draft: DraftSummary) => {
      if (draft.planId === planId) handlers.current.onChange(draft);
    });
    return () => {
      socket.close();
    };
  }, [planId]);
}
