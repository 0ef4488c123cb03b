import { Inject, Injectable } from '@nestjs/common';
import { sectionNestingLimit } from '@commonplan/editor';
import { asBytes, type CollabErrorCode } from '@commonplan/protocol';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { CollabSession } from './collab-session.js';
import { SectionDocuments, type OpenSection } from './section-documents.service.js';
import { SectionUpdateLog } from './section-update-log.js';
import { changedDocument } from './stored-document.js';
import { liveNesting } from './nesting-rules.js';
import { liveState, updateRefusal } from './update-rules.js';

export type UpdateOutcome =
  | {
      ok: true;
      /** What changed the document, to broadcast; null when the update was already known. */
      applied: Uint8Array | null;
      committed: Promise<void>;
      /** The update broke part-way: what integrated is kept, and the sender is told it failed. */
      partial: boolean;
    }
  | { ok: false; code: CollabErrorCode };

/** An update carrying nothing: no structs and an empty delete set. */
const emptyUpdateBytes = 2;

/**
 * Takes a Yjs update from a connection into a section: every check runs before the document is
 * touched, so a refused update leaves the document and everyone else as they were. An accepted one
 * is applied with the sender as origin and queued for the update log; the caller broadcasts it at
 * once and acknowledges it when `committed` resolves.
 */
@Injectable()
export class CollabUpdates {
  constructor(
    private readonly documents: SectionDocuments,
    private readonly log: SectionUpdateLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  receive(session: CollabSession, sectionId: string, payload: unknown): UpdateOutcome {
    const update = asBytes(payload);
    if (!update) return { ok: false, code: 'invalid_payload' };
    if (update.byteLength === 0) return { ok: false, code: 'update_empty' };
    if (update.byteLength > this.config.collab.maxUpdateBytes)
      return { ok: false, code: 'update_too_large' };
    const joined = session.joined.get(sectionId);
    const section = this.documents.get(sectionId);
    if (!joined || !section) return { ok: false, code: 'not_joined' };
    if (!joined.canEdit) return { ok: false, code: 'read_only' };
    if (!session.updates.take()) return { ok: false, code: 'rate_limited' };
    const refusal = updateRefusal(
      update,
      liveState(section.doc),
      liveNesting(section.doc, sectionNestingLimit),
    );
    if (refusal) return { ok: false, code: refusal };
    if (!this.fits(section, update.byteLength)) return { ok: false, code: 'document_too_large' };
    if (!this.log.hasRoom()) return { ok: false, code: 'persistence_unavailable' };
    return this.apply(section, update, session);
  }

  /**
   * Whether the document stays under its cap with this update; exact only when near the cap. The
   * exact size is measured at most once per accepted change: a full section refusing a flood of
   * updates encoded the whole document for every one of them, stalling everyone on the instance.
   */
  private fits(section: OpenSection, bytes: number): boolean {
    const cap = this.config.collab.maxDocumentBytes;
    if (section.estimatedBytes + bytes <= cap) return true;
    if (!section.sizeExact) {
      section.estimatedBytes = Y.encodeStateAsUpdate(section.doc).byteLength;
      section.sizeExact = true;
    }
    return section.estimatedBytes + bytes <= cap;
  }

  private apply(section: OpenSection, update: Uint8Array, session: CollabSession): UpdateOutcome {
    // The transaction says whether anything was new, so Yjs need not encode the change again: the
    // update passed the checks, so what it adds to the document is exactly what it says, and is
    // relayed and logged as received.
    let transaction: Y.Transaction | null = null;
    let failed = false;
    try {
      section.doc.transact((current) => {
        transaction = current;
        Y.applyUpdate(section.doc, update, session);
      }, session);
    } catch (error) {
      failed = true;
      this.logger.error(
        { event: 'collab_apply_failed', sectionId: section.sectionId, err: error },
        'update failed to apply',
      );
    }
    const store = section.doc.store;
    const incomplete = store.pendingStructs !== null || store.pendingDs !== null;
    if (incomplete) {
      // The checks should make this impossible; if not, keep the server's document whole.
      store.pendingStructs = null;
      store.pendingDs = null;
      this.logger.error(
        { event: 'collab_update_incomplete', sectionId: section.sectionId },
        'update left pending structs',
      );
    }
    const done = transaction as Y.Transaction | null;
    if (!done || !changedDocument(done)) {
      if (failed || incomplete) return { ok: false, code: 'update_malformed' };
      // Nothing new to the document, but that does not make it saved: what brought it here first
      // may have come from another instance that died before its commit. An update with content
      // (not the two bytes of an empty one) is logged again, a harmless duplicate, and
      // acknowledged once that is committed.
      const committed =
        update.byteLength > emptyUpdateBytes
          ? this.log.append(section.sectionId, update, session.auth.user.id)
          : this.log.drained();
      return { ok: true, applied: null, committed, partial: false };
    }
    // Whatever integrated is part of the document now, so it must reach the log and the room. When
    // the update broke part-way, what integrated is everything after the state before it.
    const change =
      failed || incomplete
        ? Y.encodeStateAsUpdate(section.doc, Y.encodeStateVector(done.beforeState))
        : update;
    section.estimatedBytes += change.byteLength;
    section.sizeExact = false;
    const committed = this.log.append(section.sectionId, change, session.auth.user.id);
    return { ok: true, applied: change, committed, partial: failed || incomplete };
  }
}
