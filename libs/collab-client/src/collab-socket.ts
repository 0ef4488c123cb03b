import {
  collabParser,
  collabPath,
  type ClientToServerEvents,
  type CollabErrorCode,
  type ServerToClientEvents,
} from '@commonplan/protocol';
import { io, type Socket } from 'socket.io-client';

/** The socket.io connection to the API, typed with the shared event map. */
export type CollabSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface CollabSocketOptions {
  /** The API's origin, e.g. `https://commonplan.example.nhs.uk` (the page's own origin in a browser). */
  url: string;
  /**
   * Node only: the session cookie and the origin to present at the handshake. Browsers send the
   * cookie of their own origin by themselves and refuse to let scripts set these headers.
   */
  headers?: { cookie?: string; origin?: string };
}

/**
 * A socket for one or more section providers. It does not reconnect by itself: the providers do,
 * with jittered backoff, and join and sync their sections again each time, so nothing depends on
 * socket.io's connection state recovery. WebSocket only, so several API instances behind a load
 * balancer need no sticky sessions.
 */
export function createCollabSocket({ url, headers }: CollabSocketOptions): CollabSocket {
  return io(url, {
    path: collabPath,
    autoConnect: false,
    reconnection: false,
    forceNew: true,
    transports: ['websocket'],
    parser: collabParser,
    withCredentials: true,
    ...(headers ? { extraHeaders: stripUndefined(headers) } : {}),
  });
}

/**
 * Handshake refusals that retrying cannot mend: the person must sign in again, or the page is not
 * ours. `too_many_connections` is not among them: it clears when another tab closes.
 */
const finalRefusals: ReadonlySet<CollabErrorCode> = new Set([
  'not_authenticated',
  'session_expired',
  'foreign_origin',
]);

const handshakeRefusals: ReadonlySet<CollabErrorCode> = new Set([
  ...finalRefusals,
  'too_many_connections',
]);

/** The refusal code of a `connect_error`, or null when the server could not be reached at all. */
export function handshakeRefusal(error: Error): CollabErrorCode | null {
  const code = error.message as CollabErrorCode;
  return handshakeRefusals.has(code) ? code : null;
}

export function isFinalRefusal(code: CollabErrorCode | null): boolean {
  return code !== null && finalRefusals.has(code);
}

function stripUndefined(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
