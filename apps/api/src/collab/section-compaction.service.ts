import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { LOGGER } from '../common/logger.js';
import { documentFromStored } from './stored-document.js';

/** Marks rows another instance wrote, applied here while compacting. */
const compactionOrigin = Symbol('compaction');

/**
 * A compaction that deletes this many rows or more vacuums the log table after it. Deleted rows
 * stay in the (section_id, seq) index until a vacuum: the next open of the section walked all of
 * them to find the few rows after the snapshot (100,000 of them: 25 to 40 ms, against under one
 * once vacuumed), and autovacuum may be a while coming. Normal compactions (some hundreds of rows)
 * leave it to autovacuum; only a log that grew long (compaction failing or turned off for a
 * while) gets one.
 */
const vacuumAfterRows = 10_000;

/**
 * A section's document as this instance holds it in memory, with which log rows it is known to
 * contain (those it was loaded from and those this instance appended).
 */
export interface LiveSectionDocument {
  doc: Y.Doc;
  contains(seq: string): boolean;
  /** Rows merged into the snapshot and deleted: the document need not remember them any more. */
  merged(seqs: string[]): void;
}

/**
 * Merges a section's update log into its snapshot so loading stays fast however long its history.
 * One transaction: list the rows, write the merged snapshot, delete exactly the rows merged (by
 * sequence number, so rows appended meanwhile are kept for the next time).
 *
 * When the section is open on this instance the snapshot is the document in memory, which already
 * holds every row it appended or was loaded from; only rows it does not know (written by another
 * instance) are read and applied first. That keeps compaction to one encode of the document instead
 * of decoding hundreds of updates again, so it no longer holds up typing. The snapshot may include
 * an edit whose row is still being written: duplicates are harmless in Yjs, and that row is kept.
 */
@Injectable()
export class SectionCompaction {
  /** Sections waiting for compaction, each at most once, with who to tell when it is done. */
  private readonly waiting = new Map<
    string,
    { live: () => LiveSectionDocument | null; onDone?: (merged: number) => void }
  >();
  private draining = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Queues a compaction in the background. Compactions run one at a time, with a turn of the event
   * loop between them: when many sections pass the threshold together (a busy partnership typing
   * everywhere at once), merging them all at once would hold up everyone's typing and saving.
   */
  compactInBackground(
    sectionId: string,
    live: () => LiveSectionDocument | null,
    onDone?: (merged: number) => void,
  ): void {
    if (this.waiting.has(sectionId)) return;
    this.waiting.set(sectionId, { live, onDone });
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (const [sectionId, { live, onDone }] of this.waiting) {
        await new Promise((resolve) => setImmediate(resolve));
        try {
          onDone?.(await this.compact(sectionId, live()));
        } catch (error) {
          this.logger.error(
            { event: 'collab_compaction_failed', sectionId, err: error },
            'compaction failed; the log is kept',
          );
        } finally {
          this.waiting.delete(sectionId);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Returns how many log rows were merged. */
  async compact(sectionId: string, live: LiveSectionDocument | null = null): Promise<number> {
    const started = Date.now();
    const result = await this.dataSource.transaction(async (manager) => {
      // Two instances compacting the same section would each write a snapshot; take turns.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [sectionId]);
      // One value rather than a row per update: a long log lists in a fraction of the time.
      const [listed] = await manager.query<Array<{ seqs: string | null }>>(
        `SELECT string_agg(seq::text, ',' ORDER BY seq) AS seqs
           FROM section_updates WHERE section_id = $1`,
        [sectionId],
      );
      if (!listed?.seqs) return null;
      const seqs = listed.seqs.split(',');
      const snapshot = live
        ? await this.fromLiveDocument(manager, sectionId, live, seqs)
        : await this.fromStoredLog(manager, sectionId, seqs);
      if (!snapshot) return null;
      const lastSeq = seqs[seqs.length - 1]!;
      await manager.query(
        `INSERT INTO section_documents (section_id, snapshot, snapshot_seq, updated_at)
         VALUES ($1, $2, $3, now())
         ON CONFLICT (section_id) DO UPDATE
           SET snapshot = EXCLUDED.snapshot,
               snapshot_seq = GREATEST(section_documents.snapshot_seq, EXCLUDED.snapshot_seq),
               updated_at = now()`,
        [sectionId, snapshot, lastSeq],
      );
      await manager.query('DELETE FROM section_updates WHERE seq = ANY($1::bigint[])', [seqs]);
      return { seqs, bytes: snapshot.length };
    });
    if (!result) return 0;
    live?.merged(result.seqs);
    if (result.seqs.length >= vacuumAfterRows) await this.vacuumLog(sectionId);
    this.logger.info(
      {
        event: 'collab_compacted',
        sectionId,
        merged: result.seqs.length,
        bytes: result.bytes,
        fromMemory: live !== null,
        ms: Date.now() - started,
      },
      'section log compacted',
    );
    return result.seqs.length;
  }

  /** Vacuums the log table, unless a vacuum is already under way; a failure is only logged. */
  private async vacuumLog(sectionId: string): Promise<void> {
    const started = Date.now();
    try {
      await this.dataSource.query('VACUUM (SKIP_LOCKED) section_updates');
      this.logger.info(
        { event: 'collab_log_vacuumed', sectionId, ms: Date.now() - started },
        'update log vacuumed after a long compaction',
      );
    } catch (error) {
      this.logger.warn(
        { event: 'collab_log_vacuum_failed', sectionId, err: error },
        'could not vacuum the update log after a long compaction; autovacuum will',
      );
    }
  }

  private async fromLiveDocument(
    manager: EntityManager,
    sectionId: string,
    live: LiveSectionDocument,
    seqs: string[],
  ): Promise<Buffer | null> {
    const unknown = seqs.filter((seq) => !live.contains(seq));
    if (unknown.length > 0) {
      const rows = await manager.query<Array<{ update: Buffer }>>(
        'SELECT update FROM section_updates WHERE seq = ANY($1::bigint[]) ORDER BY seq',
        [unknown],
      );
      live.doc.transact(() => {
        for (const row of rows) Y.applyUpdate(live.doc, row.update);
      }, compactionOrigin);
    }
    if (this.incomplete(live.doc, sectionId)) return null;
    return Buffer.from(Y.encodeStateAsUpdate(live.doc));
  }

  private async fromStoredLog(
    manager: EntityManager,
    sectionId: string,
    seqs: string[],
  ): Promise<Buffer | null> {
    const [current] = await manager.query<Array<{ snapshot: Buffer }>>(
      'SELECT snapshot FROM section_documents WHERE section_id = $1',
      [sectionId],
    );
    const rows = await manager.query<Array<{ update: Buffer }>>(
      'SELECT update FROM section_updates WHERE seq = ANY($1::bigint[]) ORDER BY seq',
      [seqs],
    );
    const doc = documentFromStored(
      current?.snapshot,
      rows.map((row) => row.update),
    );
    try {
      if (this.incomplete(doc, sectionId)) return null;
      return Buffer.from(Y.encodeStateAsUpdate(doc));
    } finally {
      doc.destroy();
    }
  }

  /** Never bake an incomplete state into the snapshot; the rows stay as they are. */
  private incomplete(doc: Y.Doc, sectionId: string): boolean {
    if (!doc.store.pendingStructs && !doc.store.pendingDs) return false;
    this.logger.error(
      { event: 'collab_compaction_skipped', sectionId },
      'the log has missing dependencies',
    );
    return true;
  }
}
