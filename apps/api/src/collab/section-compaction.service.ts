import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { LOGGER } from '../common/logger.js';

/**
 * Merges a section's update log into its snapshot so loading stays fast however long its history.
 * One transaction: read the snapshot and the rows, write the merged snapshot, delete exactly the
 * rows merged (by sequence number, so rows appended meanwhile are kept for the next time).
 */
@Injectable()
export class SectionCompaction {
  /** Sections waiting for compaction, each at most once, with who to tell when it is done. */
  private readonly waiting = new Map<string, ((merged: number) => void) | undefined>();
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
  compactInBackground(sectionId: string, onDone?: (merged: number) => void): void {
    if (this.waiting.has(sectionId)) return;
    this.waiting.set(sectionId, onDone);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (const [sectionId, onDone] of this.waiting) {
        await new Promise((resolve) => setImmediate(resolve));
        try {
          onDone?.(await this.compact(sectionId));
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
  async compact(sectionId: string): Promise<number> {
    const started = Date.now();
    return this.dataSource.transaction(async (manager) => {
      // Two instances compacting the same section would each write a snapshot; take turns.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [sectionId]);
      const [current] = await manager.query<Array<{ snapshot: Buffer; snapshot_seq: string }>>(
        'SELECT snapshot, snapshot_seq::text AS snapshot_seq FROM section_documents WHERE section_id = $1',
        [sectionId],
      );
      const rows = await manager.query<Array<{ seq: string; update: Buffer }>>(
        'SELECT seq::text AS seq, update FROM section_updates WHERE section_id = $1 ORDER BY seq',
        [sectionId],
      );
      if (rows.length === 0) return 0;
      const doc = new Y.Doc({ gc: true });
      doc.transact(() => {
        if (current) Y.applyUpdate(doc, current.snapshot);
        for (const row of rows) Y.applyUpdate(doc, row.update);
      });
      if (doc.store.pendingStructs || doc.store.pendingDs) {
        // Never bake an incomplete state into the snapshot; the rows stay as they are.
        doc.destroy();
        this.logger.error(
          { event: 'collab_compaction_skipped', sectionId },
          'the log has missing dependencies',
        );
        return 0;
      }
      const snapshot = Buffer.from(Y.encodeStateAsUpdate(doc));
      doc.destroy();
      const seqs = rows.map((row) => row.seq);
      const lastSeq = seqs.reduce(
        (max, seq) => (BigInt(seq) > BigInt(max) ? seq : max),
        current?.snapshot_seq ?? '0',
      );
      await manager.query(
        `INSERT INTO section_documents (section_id, snapshot, snapshot_seq, updated_at)
         VALUES ($1, $2, $3, now())
         ON CONFLICT (section_id) DO UPDATE
           SET snapshot = EXCLUDED.snapshot, snapshot_seq = EXCLUDED.snapshot_seq, updated_at = now()`,
        [sectionId, snapshot, lastSeq],
      );
      await manager.query('DELETE FROM section_updates WHERE seq = ANY($1::bigint[])', [seqs]);
      this.logger.info(
        {
          event: 'collab_compacted',
          sectionId,
          merged: rows.length,
          bytes: snapshot.length,
          ms: Date.now() - started,
        },
        'section log compacted',
      );
      return rows.length;
    });
  }
}
