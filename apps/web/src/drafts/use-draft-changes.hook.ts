import type { DraftExportSummary, DraftSummary } from '@commonplan/domain';
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
 * page is asked to reload its list, in case something was missed meanwhile. Changes to the
 * exports of the plan's drafts come on the same channel, for a page that shows them.
 */
export function useDraftChanges(
  planId: string,
  onChange: (draft: DraftSummary) => void,
  onReconnect: () => void,
  onExportChange?: (draftExport: DraftExportSummary) => void,
): void {
  const handlers = useRef({ onChange, onReconnect, onExportChange });
  handlers.current = { onChange, onReconnect, onExportChange };

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
    socket.on(DraftServerEvent.ExportChanged, (draftExport: DraftExportSummary) => {
      if (draftExport.planId === planId) handlers.current.onExportChange?.(draftExport);
    });
    return () => {
      socket.close();
    };
  }, [planId]);
}
