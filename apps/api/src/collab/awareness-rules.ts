/**
 * Pure rules for awareness (presence) messages: reading the y-protocols encoding without trusting
 * it, and which awareness client ids a connection may speak for.
 */
import * as decoding from 'lib0/decoding';
import type { CollabErrorCode } from '@commonplan/protocol';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The JSON state, already parsed; null removes the client. */
  state: unknown;
}

/** Decodes an awareness update fully, or returns null when any part of it is malformed. */
export function readAwarenessUpdate(update: Uint8Array, maxEntries = 16): AwarenessEntry[] | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > maxEntries) return null;
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) return null;
    return entries;
  } catch {
    return null;
  }
}

/**
 * The awareness client ids one connection speaks for in one section: the ones it introduced,
 * up to a small cap (a tab announces its own id; a reconnect may bring a new one).
 */
export class AwarenessClaims {
  private readonly owned = new Set<number>();

  constructor(private readonly maxClients: number) {}

  get clientIds(): number[] {
    return [...this.owned];
  }

  /** Claims every id in the message, or refuses the whole message without claiming any. */
  claim(
    clientIds: number[],
    isTakenByOther: (clientId: number) => boolean,
  ): CollabErrorCode | null {
    const fresh = clientIds.filter((id) => !this.owned.has(id));
    if (fresh.some(isTakenByOther)) return 'awareness_not_own_client';
    if (new Set([...this.owned, ...fresh]).size > this.maxClients)
      return 'awareness_too_many_clients';
    for (const id of fresh) this.owned.add(id);
    return null;
  }
}
