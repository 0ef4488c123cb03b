import type { SectionProvider } from '@commonplan/collab-client';
import type { CommentThreadView } from '@commonplan/domain';
import { ServerEvent, type ThreadChangedMessage } from '@commonplan/protocol';
import { useCallback, useEffect, useState } from 'react';
import { listThreads } from './comments.api';

export interface CommentThreads {
  threads: CommentThreadView[];
  loading: boolean;
  error: Error | null;
  /** Puts a thread as the server answered it in place (or adds it). */
  put: (thread: CommentThreadView) => void;
  reload: () => void;
}

function upsert(threads: CommentThreadView[], thread: CommentThreadView): CommentThreadView[] {
  const index = threads.findIndex((candidate) => candidate.id === thread.id);
  if (index < 0) return [...threads, thread];
  // Answers can cross on the wire: keep whichever copy is newer.
  if (threads[index]!.updatedAt > thread.updatedAt) return threads;
  const next = threads.slice();
  next[index] = thread;
  return next;
}

/**
 * A section's comment threads, kept current: read over REST, then changed by `thread:changed`
 * events on the section's real-time connection, and read again after every reconnect (events sent
 * while disconnected are not replayed).
 */
export function useCommentThreads(
  sectionId: string,
  provider: SectionProvider | null,
): CommentThreads {
  const [threads, setThreads] = useState<CommentThreadView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const [generation, setGeneration] = useState(0);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const put = useCallback(
    (thread: CommentThreadView) => setThreads((current) => upsert(current, thread)),
    [],
  );

  useEffect(() => {
    const controller = new AbortController();
    listThreads(sectionId, controller.signal).then(
      (loaded) => {
        setThreads(loaded);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure : new Error(String(failure)));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [sectionId, generation]);

  useEffect(() => {
    if (!provider) return;
    const changed = (message: ThreadChangedMessage) => {
      if (message.sectionId === sectionId) put(message.thread);
    };
    // After every (re)join: anything sent while this page was away is read again.
    const stop = provider.on('synced', reload);
    provider.socket.on(ServerEvent.ThreadChanged, changed);
    return () => {
      stop();
      provider.socket.off(ServerEvent.ThreadChanged, changed);
    };
  }, [provider, sectionId, put, reload]);

  return { threads, loading, error, put, reload };
}
