import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/api-error';

type Loaded<T> =
  { key: string; status: 'ready'; data: T } | { key: string; status: 'error'; error: ApiError };

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Reads it again, keeping what is shown until the new answer arrives. */
  reload: () => void;
  /** Shows data the API has just returned from a change, without asking again. */
  replace: (data: T) => void;
}

/**
 * Loads something from the API for a page. `key` names what is loaded (say, the plan id): when it
 * changes, the page shows it is loading again rather than the previous thing's data.
 */
export function useApiResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): ApiResource<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [version, setVersion] = useState(0);
  const latestLoad = useRef(load);

  useEffect(() => {
    latestLoad.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    latestLoad.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setLoaded({ key, status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setLoaded({ key, status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback((data: T) => setLoaded({ key, status: 'ready', data }), [key]);

  const current = loaded?.key === key ? loaded : null;
  return {
    data: current?.status === 'ready' ? current.data : undefined,
    error: current?.status === 'error' ? current.error : undefined,
    loading: current === null,
    reload,
    replace,
  };
}
