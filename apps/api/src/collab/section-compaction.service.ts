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
  private readonly running = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts a compaction in the background unless one is already running for the section. */
  compactInBackground(sectionId: string, onDone?: (merged: number) => void): void {
    if (this.running.has(sectionId)) return;
    this.running.add(sectionId);
    this.compact(sectionId)
      .then((merged) => onDone?.(merged))
      .catch((error: unknown) =>
        this.logger.error(
          { event: 'collab_compaction_failed', sectionId, err: error },
          'compaction failed; the log is kept',
        ),
      )
      .finally(() => this.running.delete(sectionId));
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
