/**
 * Pure rules for accepting a Yjs update into a section's document. An update is accepted only when
 * it decodes and every struct it carries can be integrated at once: nothing it depends on is
 * missing, so applying it never leaves pending structs or pending deletions in the server's
 * document (which would corrupt what later readers load).
 */
import * as Y from 'yjs';
import type { CollabErrorCode } from '@commonplan/protocol';

export type StateVector = Map<number, number>;

function stateOf(vector: StateVector, client: number): number {
  return vector.get(client) ?? 0;
}

/** A reference to an item, as Yjs decodes origins and parents. */
function isId(value: unknown): value is { client: number; clock: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { client?: unknown }).client === 'number' &&
    typeof (value as { clock?: unknown }).clock === 'number'
  );
}

/**
 * Why the update cannot be applied cleanly to a document whose state vector is `documentState`,
 * or null when it can.
 */
export function updateRefusal(
  update: Uint8Array,
  documentState: StateVector,
): CollabErrorCode | null {
  let meta: { from: Map<number, number>; to: Map<number, number> };
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    meta = Y.parseUpdateMeta(update);
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'update_malformed';
  }
  // A client's structs must continue from what the document has: a gap would wait forever.
  for (const [client, from] of meta.from) {
    if (from > stateOf(documentState, client)) return 'update_malformed';
  }
  // What will be known once the update is in: the document's state, extended by the update.
  const known = (client: number) =>
    Math.max(stateOf(documentState, client), meta.to.get(client) ?? 0);
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id;
    if (struct instanceof Y.Skip) {
      if (clock + struct.length > stateOf(documentState, client)) return 'update_malformed';
      continue;
    }
    if (!(struct instanceof Y.Item)) continue;
    for (const reference of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (!isId(reference)) continue;
      const limit = reference.client === client ? clock : known(reference.client);
      if (reference.clock >= limit) return 'update_malformed';
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      if (range.clock + range.len > known(client)) return 'update_malformed';
    }
  }
  return null;
}

/** Why a state vector sent by a client is unusable, or null when it decodes. */
export function stateVectorRefusal(stateVector: Uint8Array): CollabErrorCode | null {
  try {
    Y.decodeStateVector(stateVector);
    return null;
  } catch {
    return 'invalid_payload';
  }
}
