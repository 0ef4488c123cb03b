/**
 * Pure rules for accepting a Yjs update into a section's document. An update is accepted only when
 * it decodes and every struct it carries can be integrated at once: nothing it depends on is
 * missing, so applying it never leaves pending structs or pending deletions in the server's
 * document (which would corrupt what later readers load).
 */
import * as Y from 'yjs';
import type { CollabErrorCode } from '@commonplan/protocol';
import { isId, nestingRefusal, type NestingRule } from './nesting-rules.js';

/** How far the document has each client's structs: a decoded state vector, or the document's store. */
export interface StateVector {
  get(client: number): number | undefined;
}

function stateOf(vector: StateVector, client: number): number {
  return vector.get(client) ?? 0;
}

/** A document's state as `updateRefusal` reads it, without encoding its state vector. */
export function liveState(doc: Y.Doc): StateVector {
  return { get: (client) => Y.getState(doc.store, client) };
}

/**
 * Where each client's structs in the update start and end, from the structs already decoded (the
 * same as Y.parseUpdateMeta, without decoding the update a second time).
 */
function clockRanges(
  structs: ReadonlyArray<{ id: { client: number; clock: number }; length: number }>,
): {
  from: Map<number, number>;
  to: Map<number, number>;
} {
  const from = new Map<number, number>();
  const to = new Map<number, number>();
  let client: number | null = null;
  let end = 0;
  for (const struct of structs) {
    if (struct.id.client !== client) {
      if (client !== null) to.set(client, end);
      client = struct.id.client;
      from.set(client, struct.id.clock);
    }
    end = struct.id.clock + struct.length;
  }
  if (client !== null) to.set(client, end);
  return { from, to };
}

/**
 * Why the update cannot be applied cleanly to a document whose state vector is `documentState`,
 * or null when it can; with a nesting rule, also when it would nest a block past its limit.
 */
export function updateRefusal(
  update: Uint8Array,
  documentState: StateVector,
  nesting?: NestingRule,
): CollabErrorCode | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'update_malformed';
  }
  const meta = clockRanges(decoded.structs);
  // A client's structs must continue from what the document has: a gap would wait forever. A gap
  // is an earlier change not yet here (refused for the rate, say, and on its way again), so the
  // sender is told to send this one again after it rather than to give it up.
  for (const [client, from] of meta.from) {
    if (from > stateOf(documentState, client)) return 'update_out_of_order';
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
  return nesting ? nestingRefusal(decoded.structs, nesting) : null;
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
