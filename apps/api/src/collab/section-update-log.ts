import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, QueryResult } from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { splitLengthPrefixed } from './length-prefixed.js';
import { LoggedRows } from './logged-rows.js';
import { applyStoredUpdates } from './stored-document.js';

interface QueuedAppend {
  sectionId: string;
  update: Uint8Array;
  userId: string | null;
  committed: () => void;
  /** Waiting for everything queued up to and including this append (see `drained`). */
  followers?: Array<() => void>;
}

/** A section's document as rebuilt from PostgreSQL by `loadDocument`, with what it was built from. */
export interface StoredDocument {
  doc: Y.Doc;
  snapshot: Buffer | null;
  /** The log rows applied. */
  rows: LoggedRows;
  /** Bytes read: the snapshot's and every log row's. */
  storedBytes: number;
}

/**
 * One page of a section's log: its rows as one length-prefixed value (in base64, which the driver
 * passes through as text: a bytea arrives as hex, twice the size, and decoding it cost more than
 * applying the log), how many, and the first and last of their numbers. The first page also lists
 * its numbers; later pages only when they have gaps (see `loadDocument`).
 */
interface LogPage {
  snapshot?: Buffer | null;
  log: string | null;
  seqs?: string | null;
  rows: number;
  first: string | null;
  last: string | null;
}

/**
 * Rows per page when a log is loaded: the first page, then as many as make about `pageBytes`
 * (judged from the page before), within bounds. Most sections have a few hundred rows at most
 * (they are compacted at 500) and load in one page.
 */
const firstPageRows = 2_000;
const minPageRows = 100;
const maxPageRows = 10_000;
const pageBytes = 2 * 1024 * 1024;

/**
 * Up to `limit` log rows of a section after sequence number `after`, in log order, as one
 * `LogPage`.
 *
 * The rows are found by a row comparison on (section_id, seq) rather than `section_id = $1 AND seq >
 * $2`: only the (section_id, seq) index can give rows in that order, so PostgreSQL walks just this
 * page's entries of it whatever its statistics say. With the plain form it read the whole
 * section's rows and sorted them for every page while its statistics were stale (a long log read
 * in ten pages: ten full reads), and once they were fresh it walked the primary key through every
 * section's rows from the first (90 ms for a section compacted to nothing).
 *
 * The aggregates take the rows in the order the subquery gives them, which PostgreSQL keeps for a
 * plain aggregate over one ordered subquery; an `ORDER BY` inside them sorted every page again,
 * half of its time. Nothing but speed rests on that order: Yjs gives the same document whatever
 * order it reads updates in.
 */
function logPageSelect(after: string, limit: string, listed: boolean): string {
  return `SELECT encode(string_agg(int4send(length(update)) || update, ''::bytea), 'base64') AS log,
                 ${listed ? "string_agg(seq::text, ',') AS seqs," : ''}
                 count(*)::int AS rows,
                 min(seq)::text AS first,
                 max(seq)::text AS last
            FROM (SELECT seq, update FROM section_updates
                   WHERE (section_id, seq) > ($1, ${after}) AND section_id <= $1
                   ORDER BY section_id, seq LIMIT ${limit}) AS page`;
}

/** The snapshot and the first rows (sequence numbers start at 1); prepared, as loading is frequent. */
const firstPageStatement = {
  name: 'commonplan-section-log-first-page',
  text: `SELECT (SELECT snapshot FROM section_documents WHERE section_id = $1) AS snapshot, first.*
           FROM (${logPageSelect('0', '$2', true)}) AS first`,
};

/** The rows after `$2`, the last of the page before. */
const nextPageStatement = {
  name: 'commonplan-section-log-next-page',
  text: logPageSelect('$2::bigint', '$3', false),
};

/** The numbers of a section's rows from `$2` to `$3`: a page's, when they had gaps. */
const pageRowsStatement = {
  name: 'commonplan-section-log-page-rows',
  text: `SELECT string_agg(seq::text, ',') AS seqs FROM section_updates
          WHERE (section_id, seq) >= ($1, $2::bigint) AND section_id <= $1 AND seq <= $3::bigint`,
};

/** Log rows just committed by this instance, by section: their sequence numbers. */
export type CommittedRows = Map<string, string[]>;

const maxBackoffMs = 5_000;

/**
 * The group commit's statement, prepared once per database connection (a named statement): parsing
 * and planning it for every commit was a third of PostgreSQL's work for each one.
 */
const appendStatement = {
  name: 'commonplan-section-updates-append',
  text: `INSERT INTO section_updates (section_id, update, user_id)
         SELECT t.section_id, t.update, t.user_id
           FROM unnest($1::uuid[], $2::bytea[], $3::uuid[]) WITH ORDINALITY AS t(section_id, update, user_id, n)
          ORDER BY t.n
         RETURNING section_id, seq::text AS seq`,
};

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
  /** When the last group commit began (performance.now()), for the cadence (see `schedule`). */
  private lastFlushAt = -Infinity;
  private failures = 0;
  /**
   * Appends of a write that failed without saying whether it committed (the connection dropped
   * after the statement reached the server, say): checked against the log before writing again.
   */
  private readonly uncertain = new Set<QueuedAppend>();
  private closed = false;
  private readonly committedListeners: Array<(rows: CommittedRows) => void> = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Whether another append can be queued; false while the database has been away too long. */
  hasRoom(): boolean {
    return this.queue.length < this.config.collab.maxQueuedUpdates;
  }

  /** How many appends, for every section, are waiting for the database. */
  get queuedCount(): number {
    return this.queue.length;
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

  /** Called after each group commit, before its appends resolve, with the rows it wrote. */
  onCommitted(listener: (rows: CommittedRows) => void): void {
    this.committedListeners.push(listener);
  }

  /**
   * Resolves once everything queued so far is committed. Appends are committed in queue order, so
   * that is when the newest one is: waiting for the queue to be empty instead would never end while
   * people keep typing.
   */
  drained(): Promise<void> {
    const newest = this.queue[this.queue.length - 1];
    if (!newest) return Promise.resolve();
    return new Promise((resolve) => (newest.followers ??= []).push(resolve));
  }

  private settle(entry: QueuedAppend): void {
    entry.committed();
    for (const follower of entry.followers ?? []) follower();
  }

  /**
   * Group commits keep a cadence: one begins no sooner than `flushIntervalMs` after the one before
   * (unless a full batch is waiting), so a steady stream of edits costs PostgreSQL a commit every
   * few milliseconds rather than one after another as fast as they return.
   */
  private schedule(delayMs?: number): void {
    if (this.flushing || this.timer || this.closed) return;
    const interval = this.config.collab.flushIntervalMs;
    const cadence = Math.max(0, interval - (performance.now() - this.lastFlushAt));
    const delay =
      this.queue.length >= this.config.collab.flushBatchSize
        ? 0
        : Math.max(delayMs ?? interval, cadence);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    let batch: QueuedAppend[] = [];
    try {
      if (this.uncertain.size > 0) await this.settleUncertain();
      batch = this.queue.slice(0, this.config.collab.flushBatchSize);
      this.lastFlushAt = performance.now();
      const { rows: written } = await this.pool().query<{ section_id: string; seq: string }>({
        ...appendStatement,
        values: [
          batch.map((entry) => entry.sectionId),
          batch.map((entry) =>
            Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength),
          ),
          batch.map((entry) => entry.userId),
        ],
      });
      this.queue.splice(0, batch.length);
      if (this.failures > 0)
        this.logger.info(
          { event: 'collab_log_recovered', queued: this.queue.length },
          'the update log is writable again',
        );
      this.failures = 0;
      this.tellCommitted(written);
      for (const entry of batch) this.settle(entry);
    } catch (error) {
      for (const entry of batch) this.uncertain.add(entry);
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
      // What queued during this write has waited long enough: write it now (or back off).
      this.schedule(this.failures > 0 ? Math.min(maxBackoffMs, 50 * 2 ** this.failures) : 0);
    }
  }

  /** The DataSource's own connection pool (same connections, settings and timeouts). */
  private pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the database connection pool is not open');
    return pool;
  }

  /**
   * Finds which appends of failed writes are in the log after all, and settles them as committed
   * rather than writing them twice. A Yjs update's bytes name its author's client and clock, so a
   * row with the same bytes in the same section is that append.
   */
  private async settleUncertain(): Promise<void> {
    const entries = this.queue.filter((entry) => this.uncertain.has(entry));
    this.uncertain.clear();
    if (entries.length === 0) return;
    const bytes = (entry: QueuedAppend) =>
      Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength);
    let found: Array<{ section_id: string; update: Buffer; seq: string }>;
    try {
      found = await this.dataSource.query(
        `SELECT section_id, update, seq::text AS seq FROM section_updates
          WHERE section_id = ANY($1::uuid[]) AND update = ANY($2::bytea[])`,
        [[...new Set(entries.map((entry) => entry.sectionId))], entries.map(bytes)],
      );
    } catch (error) {
      for (const entry of entries) this.uncertain.add(entry);
      throw error;
    }
    const landed = new Set<QueuedAppend>();
    const rows: Array<{ section_id: string; seq: string }> = [];
    for (const row of found) {
      const entry = entries.find(
        (candidate) =>
          !landed.has(candidate) &&
          candidate.sectionId === row.section_id &&
          bytes(candidate).equals(row.update),
      );
      if (!entry) continue;
      landed.add(entry);
      rows.push(row);
    }
    if (landed.size === 0) return;
    this.logger.warn(
      { event: 'collab_log_write_had_landed', appends: landed.size },
      'a failed write of section updates had committed; not writing it again',
    );
    this.queue = this.queue.filter((entry) => !landed.has(entry));
    this.tellCommitted(rows);
    for (const entry of landed) this.settle(entry);
  }

  private tellCommitted(written: Array<{ section_id: string; seq: string }>): void {
    if (this.committedListeners.length === 0) return;
    const rows: CommittedRows = new Map();
    for (const row of written) {
      const seqs = rows.get(row.section_id);
      if (seqs) seqs.push(row.seq);
      else rows.set(row.section_id, [row.seq]);
    }
    for (const listener of this.committedListeners) listener(rows);
  }

  /**
   * A section's document rebuilt from what PostgreSQL holds: its snapshot, then every log row not
   * yet merged into it, in log order. The caller destroys the document.
   *
   * The log is read in pages, each one value of length-prefixed updates rather than a row per
   * update, and each page is applied while PostgreSQL reads the next: for a long log the reading
   * and the applying overlap instead of adding up, and no single value has to hold the whole log.
   * One read-only transaction at REPEATABLE READ, so every page sees the same log: a compaction
   * committing meanwhile cannot make us miss rows, or read a row twice.
   */
  async loadDocument(sectionId: string): Promise<StoredDocument> {
    const client = await this.pool().connect();
    const doc = new Y.Doc({ gc: true });
    const loaded: StoredDocument = {
      doc,
      snapshot: null,
      rows: new LoggedRows(),
      storedBytes: 0,
    };
    // Listings of pages with gaps, asked for behind the page after them and read at the end.
    const listings: Array<Promise<QueryResult<{ seqs: string | null }>>> = [];
    let failed = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let limit = firstPageRows;
      let page: Promise<QueryResult<LogPage>> | null = client.query<LogPage>({
        ...firstPageStatement,
        values: [sectionId, limit],
      });
      while (page) {
        const [row]: LogPage[] = (await page).rows;
        page = null;
        if (!row) break;
        const log = row.log ? Buffer.from(row.log, 'base64') : null;
        if (row.rows === limit) {
          // A full page: ask for the next before applying this one. Sized from this page's bytes.
          const bytesPerRow = Math.max(1, (log?.length ?? 0) / row.rows);
          limit = Math.min(maxPageRows, Math.max(minPageRows, Math.floor(pageBytes / bytesPerRow)));
          page = client.query<LogPage>({
            ...nextPageStatement,
            values: [sectionId, row.last, limit],
          });
          // Settled below; until then a failure must not count as unhandled.
          page.catch(() => undefined);
        }
        if (row.snapshot) {
          loaded.snapshot = row.snapshot;
          loaded.storedBytes += row.snapshot.byteLength;
          Y.applyUpdate(doc, row.snapshot);
        }
        if (log && row.first && row.last) {
          const updates = splitLengthPrefixed(log);
          loaded.storedBytes += log.length - 4 * updates.length;
          applyStoredUpdates(doc, updates);
          if (row.seqs) for (const seq of row.seqs.split(',')) loaded.rows.add(seq);
          else if (Number(row.last) - Number(row.first) + 1 === row.rows)
            loaded.rows.addRange(row.first, row.last);
          else {
            const listing = client.query<{ seqs: string | null }>({
              ...pageRowsStatement,
              values: [sectionId, row.first, row.last],
            });
            listing.catch(() => undefined);
            listings.push(listing);
          }
        }
      }
      for (const listing of listings)
        for (const seq of (await listing).rows[0]?.seqs?.split(',') ?? []) loaded.rows.add(seq);
      await client.query('COMMIT');
      return loaded;
    } catch (error) {
      failed = true;
      doc.destroy();
      throw error;
    } finally {
      // A connection that failed mid-transaction is not handed back to the pool for reuse.
      client.release(failed || undefined);
    }
  }

  /** Log rows of a section by sequence number, in log order. */
  async rows(sectionId: string, seqs: string[]): Promise<Uint8Array[]> {
    const rows = await this.dataSource.query<Array<{ update: Buffer }>>(
      `SELECT update FROM section_updates
        WHERE section_id = $1 AND seq = ANY($2::bigint[]) ORDER BY seq`,
      [sectionId, seqs],
    );
    return rows.map((row) => row.update);
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
