import { collabError, type CollabError, type CollabErrorCode } from '@commonplan/protocol';

/**
 * The real-time channel's errors. Codes and messages are shared with the browser in
 * `@commonplan/protocol`; here is only how they travel: an acknowledgement, a `collab:error`
 * event, or the `connect_error` of a refused handshake.
 */
export function refusal(
  code: CollabErrorCode,
  sectionId?: string,
): { ok: false; error: CollabError } {
  return { ok: false, error: collabError(code, sectionId) };
}

/** The error a socket.io middleware passes to `next`, which the client sees as `connect_error`. */
export function handshakeError(code: CollabErrorCode): Error & { data: CollabError } {
  return Object.assign(new Error(code), { data: collabError(code) });
}

/** Thrown inside the channel's services when a message must be refused with a code. */
export class CollabRefusal extends Error {
  constructor(readonly code: CollabErrorCode) {
    super(code);
    this.name = 'CollabRefusal';
  }
}
