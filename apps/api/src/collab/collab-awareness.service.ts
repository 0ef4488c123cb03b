import { Injectable } from '@nestjs/common';
import { asBytes, type CollabErrorCode } from '@commonplan/protocol';
import {
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import type { CollabSession } from './collab-session.js';
import { readAwarenessUpdate } from './awareness-rules.js';
import type { OpenSection } from './section-documents.service.js';

export type AwarenessOutcome =
  { ok: true; relay: Uint8Array } | { ok: false; code: CollabErrorCode };

/** Largest awareness message accepted: a cursor, a name and a colour fit in far less. */
const maxAwarenessBytes = 16 * 1024;

/**
 * Presence in a section: each connection may speak only for the awareness client ids it
 * introduced; its states are relayed to the room and removed when it leaves.
 */
@Injectable()
export class CollabAwareness {
  receive(
    session: CollabSession,
    section: OpenSection,
    sectionId: string,
    payload: unknown,
  ): AwarenessOutcome {
    const update = asBytes(payload);
    if (!update) return { ok: false, code: 'invalid_payload' };
    const joined = session.joined.get(sectionId);
    if (!joined) return { ok: false, code: 'not_joined' };
    if (!session.awareness.take()) return { ok: false, code: 'rate_limited' };
    if (update.byteLength > maxAwarenessBytes) return { ok: false, code: 'awareness_malformed' };
    const entries = readAwarenessUpdate(update);
    if (!entries || entries.length === 0) return { ok: false, code: 'awareness_malformed' };
    const ids = entries.map((entry) => entry.clientId);
    const refusal = joined.claims.claim(ids, (clientId) => {
      const owner = section.awarenessOwners.get(clientId);
      return (
        (owner !== undefined && owner !== session.socketId) || clientId === section.doc.clientID
      );
    });
    if (refusal) return { ok: false, code: refusal };
    for (const id of ids) section.awarenessOwners.set(id, session.socketId);
    applyAwarenessUpdate(section.awareness, update, session);
    return { ok: true, relay: update };
  }

  /** The current presence of everyone in the section, for someone who has just joined. */
  statesFor(section: OpenSection): Uint8Array | null {
    const clients = [...section.awareness.getStates().keys()];
    return clients.length > 0 ? encodeAwarenessUpdate(section.awareness, clients) : null;
  }

  /** Removes a connection's presence; returns the update telling the room, if there was any. */
  removeSession(section: OpenSection, clientIds: number[]): Uint8Array | null {
    for (const id of clientIds) section.awarenessOwners.delete(id);
    const present = clientIds.filter(
      (id) => section.awareness.getStates().has(id) || section.awareness.meta.has(id),
    );
    if (present.length === 0) return null;
    removeAwarenessStates(section.awareness, present, 'leave');
    return encodeAwarenessUpdate(section.awareness, present);
  }
}
