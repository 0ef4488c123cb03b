import { SectionProvider, type CollabUser, type ProviderStatus } from '@commonplan/collab-client';
import type { CollabError } from '@commonplan/protocol';
import { useEffect, useState } from 'react';
import { tabSocket } from '../shared/realtime/tab-socket';

export interface SectionConnection {
  provider: SectionProvider | null;
  status: ProviderStatus;
  /** Null until the server has answered the join. */
  canEdit: boolean | null;
  unacknowledged: number;
  /** The section's text has arrived at least once, so there is something to show and edit. */
  hasText: boolean;
  error: CollabError | null;
}

const initialConnection: SectionConnection = {
  provider: null,
  status: 'connecting',
  canEdit: null,
  unacknowledged: 0,
  hasText: false,
  error: null,
};

/** How long a section left with unsaved changes keeps its connection to finish saving them. */
const finishSavingMs = 15_000;

/**
 * Opens a section's shared document for as long as the component is shown, over the tab's one
 * connection (the session cookie travels with the handshake), and reports how it stands.
 */
export function useSectionProvider(sectionId: string, user: CollabUser): SectionConnection {
  const [connection, setConnection] = useState<SectionConnection>(initialConnection);
  const { name, color, id } = user;

  useEffect(() => {
    const provider = new SectionProvider({
      url: window.location.origin,
      sectionId,
      user: { name, color, ...(id ? { id } : {}) },
      // The tab's one connection, shared with notifications and live status changes.
      ...(id ? { socket: tabSocket(id) } : {}),
    });
    const update = (changes: Partial<SectionConnection>) =>
      setConnection((current) =>
        current.provider === provider ? { ...current, ...changes } : current,
      );
    setConnection({ ...initialConnection, provider });
    const stops = [
      provider.on('status', (status) => update({ status })),
      provider.on('access', () => update({ canEdit: provider.canEdit })),
      provider.on('unacknowledged', (unacknowledged) => update({ unacknowledged })),
      provider.on('synced', () => update({ hasText: true, error: null })),
      provider.on('saved', () =>
        setConnection((current) =>
          current.provider === provider && current.error && passes(current.error)
            ? { ...current, error: null }
            : current,
        ),
      ),
      // The read-only message already says what `read_only` would.
      provider.on('error', (error) => {
        if (error.code !== 'read_only') update({ error });
      }),
    ];
    return () => {
      for (const stop of stops) stop();
      // Leaving the page within the app: changes still in flight get a little longer to be saved.
      if (provider.unacknowledged > 0 && provider.status !== 'refused') {
        const timer = setTimeout(() => provider.destroy(), finishSavingMs);
        void provider.saved().then(() => {
          clearTimeout(timer);
          provider.destroy();
        });
      } else {
        provider.destroy();
      }
    };
  }, [sectionId, name, color, id]);

  return connection.provider ? connection : initialConnection;
}

/** Errors that pass by themselves: once everything is saved, they no longer matter. */
function passes(error: CollabError): boolean {
  return (
    error.code === 'rate_limited' ||
    error.code === 'update_out_of_order' ||
    error.code === 'persistence_unavailable' ||
    error.code === 'internal_error'
  );
}
