/**
 * Where a section provider stands:
 * - `connecting`: reaching the server or joining the section, for the first time or after `connect()`;
 * - `syncing`: joined, exchanging what each side lacks;
 * - `synced`: the text is the server's, and changes flow both ways as they happen;
 * - `offline`: the connection dropped; edits stay in the document and a reconnect is scheduled;
 * - `refused`: the server will not let this person in (signed out, no access); nothing is retried
 *   by itself (except after `too_many_connections`) until `connect()` is called again.
 */
export type ProviderStatus = 'connecting' | 'syncing' | 'synced' | 'offline' | 'refused';

export type StatusEvent =
  /** Someone called `connect()`; automatic reconnects keep the status as it is until they join. */
  | { type: 'connect' }
  /** The server accepted the join. */
  | { type: 'joined' }
  /** The server's missing updates have been applied. */
  | { type: 'synced' }
  /** The socket dropped, the connection attempt failed, or the join could not be answered. */
  | { type: 'connection-lost' }
  /** The server refused the handshake or the join. */
  | { type: 'refused' };

/** The next status after an event; events that make no sense in the current status change nothing. */
export function nextStatus(status: ProviderStatus, event: StatusEvent): ProviderStatus {
  switch (event.type) {
    case 'connect':
      return status === 'syncing' || status === 'synced' ? status : 'connecting';
    case 'joined':
      return status === 'synced' ? status : 'syncing';
    case 'synced':
      return status === 'syncing' ? 'synced' : status;
    case 'connection-lost':
      return status === 'refused' ? status : 'offline';
    case 'refused':
      return 'refused';
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected status event ${JSON.stringify(value)}`);
}
