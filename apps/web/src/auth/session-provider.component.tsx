import type { Me } from '@commonplan/domain';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { whenSignedOut } from '../shared/api/api-client';
import { closeTabSocket } from '../shared/realtime/tab-socket';
import { fetchMe, signOut as requestSignOut } from './auth.api';
import { SessionContext, type Session } from './session.context';

/** Knows who is signed in, from the session cookie, and notices when the session ends. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (found) => setMe(found),
      () => {
        if (!controller.signal.aborted) setMe(null);
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    whenSignedOut(() => setMe(null));
    return () => whenSignedOut(null);
  }, []);

  useEffect(() => {
    if (me === null) closeTabSocket();
  }, [me]);

  const signOut = useCallback(async () => {
    try {
      await requestSignOut();
    } finally {
      setMe(null);
    }
  }, []);

  const signedOut = useCallback(() => setMe(null), []);
  const session = useMemo<Session>(
    () => ({ me, signedIn: setMe, signOut, signedOut }),
    [me, signOut, signedOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
