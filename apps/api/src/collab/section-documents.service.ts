import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CollabFanout } from './collab-fanout.service.js';
import type { LoggedRows } from './logged-rows.js';
import { SectionCompaction, type LiveSectionDocument } from './section-compaction.service.js';
import { SectionUpdateLog, type StoredDocument } from './section-update-log.js';
import { changedDocument } from './stored-document.js';

/** A section's text held in memory while anyone has it open. */
export interface OpenSection {
  sectionId: string;
  doc: Y.Doc;
  /** Who is here and where their cursors are; the server holds no presence of its own. */
  awareness: Awareness;
  /** Socket ids in the section on this instance. */
  sockets: Set<string>;
  /** Which socket introduced each awareness client id, so no one can speak for another. */
  awarenessOwners: Map<number, string>;
  /** An upper bound on the encoded document's size, recomputed exactly when it nears the cap. */
  estimatedBytes: number;
  /**
   * Whether `estimatedBytes` is the exact size, measured since the last accepted change: then a
   * section at its cap refuses further updates without encoding the whole document for each.
   */
  sizeExact: boolean;
  /**
   * The whole document as one update, while it is exactly the stored snapshot it was loaded from
   * (no log rows after it, nothing changed since): what a newcomer with an empty document needs,
   * sent without encoding the document again. Dropped at the first change.
   */
  wholeState: Uint8Array | null;
  /** Log rows not yet merged into the snapshot, as far as this instance knows. */
  logRows: number;
  /** Log rows the document is known to contain (loaded or appended here). */
  knownRows: LoggedRows;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * One Y.Doc per open section, loaded from PostgreSQL (snapshot, then the log after it); many
 * sockets joining at once share one load. A document nobody has had open for COLLAB_IDLE_SECONDS
 * is dropped once its queued appends are written.
 */
@Injectable()
export class SectionDocuments implements OnApplicationShutdown {
  private readonly open = new Map<string, OpenSection>();
  private readonly loading = new Map<string, Promise<OpenSection>>();
  private loads = 0;

  constructor(
    private readonly log: SectionUpdateLog,
    private readonly compaction: SectionCompaction,
    private readonly fanout: CollabFanout,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    log.onCommitted((rows) => {
      for (const [sectionId, seqs] of rows) {
        const section = this.open.get(sectionId);
        if (!section) continue;
        for (const seq of seqs) section.knownRows.add(seq);
        this.noteAppended(section, seqs.length);
      }
    });
  }

  /** The open section, if this instance holds it. */
  get(sectionId: string): OpenSection | undefined {
    return this.open.get(sectionId);
  }

  openSections(): OpenSection[] {
    return [...this.open.values()];
  }

  /** How many times a section was read from PostgreSQL to be opened, since the process started. */
  get loadsTotal(): number {
    return this.loads;
  }

  /** Opens (or shares the load of) a section and counts the socket in. */
  async enter(sectionId: string, socketId: string): Promise<OpenSection> {
    const section = await this.acquire(sectionId);
    if (section.idleTimer) clearTimeout(section.idleTimer);
    section.idleTimer = null;
    section.sockets.add(socketId);
    return section;
  }

  leave(sectionId: string, socketId: string): void {
    const section = this.open.get(sectionId);
    if (!section || !section.sockets.delete(socketId) || section.sockets.size > 0) return;
    this.scheduleDrop(section);
  }

  /** Counts appended rows and compacts the log in the background once it is long. */
  noteAppended(section: OpenSection, rows = 1): void {
    section.logRows += rows;
    if (section.logRows >= this.config.collab.compactAfterUpdates) this.compact(section);
  }

  private compact(section: OpenSection): void {
    this.compaction.compactInBackground(
      section.sectionId,
      () => (this.open.get(section.sectionId) === section ? this.live(section) : null),
      (merged) => {
        section.logRows = Math.max(0, section.logRows - merged);
      },
    );
  }

  private live(section: OpenSection): LiveSectionDocument {
    return {
      doc: section.doc,
      contains: (seq) => section.knownRows.has(seq),
      // Forget every row up to the last merged: a row of ours committed meanwhile with a lower
      // number is then read again at the next compaction, which is harmless.
      merged: (seqs) => section.knownRows.forgetThrough(seqs[seqs.length - 1]!),
    };
  }

  /**
   * Lets `use` read the section's text as it is now: the open document when this instance holds
   * it (kept current by the sockets here and by Redis from the others), else a copy built from
   * PostgreSQL for the occasion and dropped afterwards. `use` must not change or keep the document.
   */
  async read<T>(sectionId: string, use: (doc: Y.Doc) => T): Promise<T> {
    const open = this.open.get(sectionId) ?? (await this.loading.get(sectionId));
    if (open) return use(open.doc);
    const { doc } = await this.log.loadDocument(sectionId);
    try {
      return use(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * What a client whose document is at `stateVector` lacks, as one update. A newcomer with an
   * empty document gets the stored snapshot as it is when nothing has changed since loading: a
   * long section opens without encoding it again.
   */
  missingFrom(section: OpenSection, stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.byteLength === 1 && stateVector[0] === 0;
    if (empty && section.wholeState) return section.wholeState;
    return Y.encodeStateAsUpdate(section.doc, stateVector);
  }

  /**
   * Reads the section again from PostgreSQL and applies what this instance lacks; returns that,
   * for the people here, who lack it too.
   */
  async resync(section: OpenSection, origin: unknown): Promise<Uint8Array> {
    const stored = await this.log.loadDocument(section.sectionId);
    const fresh = stored.doc;
    const missing = Y.encodeStateAsUpdate(fresh, Y.encodeStateVector(section.doc));
    fresh.destroy();
    Y.applyUpdate(section.doc, missing, origin);
    section.knownRows.addAll(stored.rows);
    return missing;
  }

  private acquire(sectionId: string): Promise<OpenSection> {
    const open = this.open.get(sectionId);
    if (open) return Promise.resolve(open);
    let loading = this.loading.get(sectionId);
    if (!loading) {
      loading = this.load(sectionId).finally(() => this.loading.delete(sectionId));
      this.loading.set(sectionId, loading);
    }
    return loading;
  }

  private async load(sectionId: string): Promise<OpenSection> {
    const started = Date.now();
    this.loads += 1;
    // Registered as a holder before reading PostgreSQL: see CollabFanout and decision 13.
    this.fanout.hold(sectionId);
    let stored: StoredDocument;
    try {
      stored = await this.log.loadDocument(sectionId);
    } catch (error) {
      this.fanout.release(sectionId);
      throw error;
    }
    const { doc } = stored;
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      this.logger.error(
        { event: 'collab_load_incomplete', sectionId },
        'the stored log has missing dependencies',
      );
    }
    const awareness = new Awareness(doc);
    awareness.setLocalState(null);
    const section: OpenSection = {
      sectionId,
      doc,
      awareness,
      sockets: new Set(),
      awarenessOwners: new Map(),
      // The stored bytes bound the document's encoded size from above (merging only shrinks it),
      // so a long document need not be encoded once more just to open it.
      estimatedBytes: stored.storedBytes,
      sizeExact: false,
      wholeState: stored.rows.size === 0 ? stored.snapshot : null,
      logRows: stored.rows.size,
      knownRows: stored.rows,
      idleTimer: null,
    };
    if (section.wholeState) {
      const forget = (transaction: Y.Transaction) => {
        if (!changedDocument(transaction)) return;
        section.wholeState = null;
        doc.off('afterTransaction', forget);
      };
      doc.on('afterTransaction', forget);
    }
    this.open.set(sectionId, section);
    this.fanout.opened(sectionId, () => Y.encodeStateVector(doc));
    this.logger.debug(
      { event: 'collab_loaded', sectionId, rows: stored.rows.size, ms: Date.now() - started },
      'section loaded',
    );
    if (section.logRows >= this.config.collab.compactAfterUpdates) this.compact(section);
    this.scheduleDrop(section);
    return section;
  }

  private scheduleDrop(section: OpenSection): void {
    if (section.idleTimer) clearTimeout(section.idleTimer);
    section.idleTimer = setTimeout(() => {
      section.idleTimer = null;
      if (section.sockets.size > 0) return;
      if (this.log.pendingFor(section.sectionId) > 0) {
        this.scheduleDrop(section);
        return;
      }
      this.drop(section);
    }, this.config.collab.idleSeconds * 1000);
    section.idleTimer.unref();
  }

  private drop(section: OpenSection): void {
    if (this.open.get(section.sectionId) !== section) return;
    this.open.delete(section.sectionId);
    this.fanout.release(section.sectionId);
    section.awareness.destroy();
    section.doc.destroy();
  }

  onApplicationShutdown(): void {
    for (const section of this.open.values()) {
      if (section.idleTimer) clearTimeout(section.idleTimer);
      section.awareness.destroy();
    }
  }
}
