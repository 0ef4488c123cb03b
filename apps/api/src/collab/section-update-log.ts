import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

interface QueuedAppend {
  sectionId: string;
  update: Uint8Array;
  userId: string | null;
  committed: () => void;
}

export interface StoredSectionState {
  snapshot: Buffer | null;
  updates: Buffer[];
  /** Sequence numbers of the log rows read, for compaction. */
  seqs: string[];
}

const maxBackoffMs = 5_000;

/**
 * A section's update log in PostgreSQL, with group commit: appends from every socket are queued
 * and written together in one statement every few milliseconds, and each caller's promise resolves
 * only once its row is committed. When the database is away the queue is kept (up to a bound) and
 * retried with backoff, so an edit is acknowledged when, and only when, it is durable.
 */
@Injectable()
export class SectionUpdateLog implements OnApplicationShutdown {
  private queue: QueuedAppend[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing = false;
  private failures = 0;
  private drainWaiters: Array<() => void> = [];
  private closed = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Whether another append can be queued; false while the database has been away too long. */
  hasRoom(): boolean {
    return this.queue.length < this.config.collab.maxQueuedUpdates;
  }

  /** How many appends for a section are waiting for the database. */
  pendingFor(sectionId: string): number {
    return this.queue.filter((entry) => entry.sectionId === sectionId).length;
  }

  /** Queues an update; resolves once it is committed. Call hasRoom() first. */
  append(sectionId: string, update: Uint8Array, userId: string | null): Promise<void> {
    return new Promise<void>((committed) => {
      this.queue.push({ sectionId, update, userId, committed });
      this.schedule();
    });
  }

  /** Resolves once everything queued so far is committed. */
  drained(): Promise<void> {
    if (this.queue.length === 0 && !this.flushing) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private schedule(delayMs = this.config.collab.flushIntervalMs): void {
    if (this.flushing || this.timer || this.closed) return;
    const delay = this.queue.length >= this.config.collab.flushBatchSize ? 0 : delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = this.queue.slice(0, this.config.collab.flushBatchSize);
    try {
      await this.dataSource.query(
        `INSERT INTO section_updates (section_id, update, user_id)
         SELECT t.section_id, t.update, t.user_id
           FROM unnest($1::uuid[], $2::bytea[], $3::uuid[]) WITH ORDINALITY AS t(section_id, update, user_id, n)
          ORDER BY t.n`,
        [
          batch.map((entry) => entry.sectionId),
          batch.map((entry) =>
            Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength),
          ),
          batch.map((entry) => entry.userId),
        ],
      );
      this.queue.splice(0, batch.length);
      if (this.failures > 0)
        this.logger.info(
          { event: 'collab_log_recovered', queued: this.queue.length },
          'the update log is writable again',
        );
      this.failures = 0;
      for (const entry of batch) entry.committed();
    } catch (error) {
      this.failures += 1;
      this.logger.error(
        {
          event: 'collab_log_write_failed',
          err: error,
          queued: this.queue.length,
          attempt: this.failures,
        },
        'could not write section updates; keeping them queued and retrying',
      );
    } finally {
      this.flushing = false;
    }
    if (this.queue.length > 0) {
      this.schedule(
        this.failures > 0 ? Math.min(maxBackoffMs, 50 * 2 ** this.failures) : undefined,
      );
    } else {
      for (const resolve of this.drainWaiters.splice(0)) resolve();
    }
  }

  /** The stored state of a section: its snapshot and every log row not yet merged into it. */
  async load(sectionId: string): Promise<StoredSectionState> {
    // One statement, so a compaction committing meanwhile cannot make us miss rows.
    const rows = await this.dataSource.query<
      Array<{ kind: 'snapshot' | 'update'; data: Buffer; seq: string }>
    >(
      `SELECT 'snapshot' AS kind, snapshot AS data, snapshot_seq::text AS seq
         FROM section_documents WHERE section_id = $1
       UNION ALL
       SELECT 'update' AS kind, update AS data, seq::text AS seq
         FROM section_updates WHERE section_id = $1
       ORDER BY kind, seq`,
      [sectionId],
    );
    const snapshot = rows.find((row) => row.kind === 'snapshot')?.data ?? null;
    const updates = rows.filter((row) => row.kind === 'update');
    updates.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    return {
      snapshot,
      updates: updates.map((row) => row.data),
      seqs: updates.map((row) => row.seq),
    };
  }

  /** Writes what is still queued before the process ends; a kill -9 skips this, acks do not. */
  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (let attempt = 0; attempt < 3 && this.queue.length > 0; attempt += 1) {
      while (this.flushing) await new Promise((resolve) => setTimeout(resolve, 5));
      await this.flush();
    }
    this.closed = true;
  }
}
