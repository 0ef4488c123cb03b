import type { EnvReader } from '../config/env-reader.js';

/** Limits and timings of the real-time channel; the limits are also told to clients on join. */
export interface CollabConfig {
  maxUpdateBytes: number;
  maxStateVectorBytes: number;
  maxDocumentBytes: number;
  updatesPerSecond: number;
  awarenessPerSecond: number;
  /** Section joins per second per connection: each new section costs an access check. */
  joinsPerSecond: number;
  maxConnectionsPerUser: number;
  maxSectionsPerSocket: number;
  maxAwarenessClientsPerSocket: number;
  /**
   * Group commit: write the queued appends when this many milliseconds have passed, and begin one
   * commit no sooner than this after the last began...
   */
  flushIntervalMs: number;
  /** ...or when this many are queued, whichever comes first. */
  flushBatchSize: number;
  /** Appends waiting for the database beyond this are refused (persistence_unavailable). */
  maxQueuedUpdates: number;
  /** Merge a section's update log into its snapshot once it has this many rows. */
  compactAfterUpdates: number;
  /** A document with nobody in it for this long is dropped from memory. */
  idleSeconds: number;
  /** How often every open connection's access is checked again, in case a message was lost. */
  accessRecheckSeconds: number;
}

export function collabConfig(env: EnvReader): CollabConfig {
  return {
    maxUpdateBytes: env.integer('COLLAB_MAX_UPDATE_BYTES', 1024 * 1024, {
      min: 1024,
      max: 64 * 1024 * 1024,
    }),
    maxStateVectorBytes: env.integer('COLLAB_MAX_STATE_VECTOR_BYTES', 64 * 1024, {
      min: 1024,
      max: 16 * 1024 * 1024,
    }),
    maxDocumentBytes: env.integer('COLLAB_MAX_DOCUMENT_BYTES', 8 * 1024 * 1024, {
      min: 1024,
      max: 1024 * 1024 * 1024,
    }),
    updatesPerSecond: env.integer('COLLAB_UPDATES_PER_SECOND', 200, { min: 1, max: 100_000 }),
    awarenessPerSecond: env.integer('COLLAB_AWARENESS_PER_SECOND', 60, { min: 1, max: 100_000 }),
    joinsPerSecond: env.integer('COLLAB_JOINS_PER_SECOND', 20, { min: 1, max: 100_000 }),
    maxConnectionsPerUser: env.integer('COLLAB_MAX_CONNECTIONS_PER_USER', 20, {
      min: 1,
      max: 10_000,
    }),
    maxSectionsPerSocket: env.integer('COLLAB_MAX_SECTIONS_PER_SOCKET', 50, {
      min: 1,
      max: 10_000,
    }),
    maxAwarenessClientsPerSocket: env.integer('COLLAB_MAX_AWARENESS_CLIENTS_PER_SOCKET', 4, {
      min: 1,
      max: 100,
    }),
    flushIntervalMs: env.integer('COLLAB_FLUSH_INTERVAL_MS', 2, { min: 0, max: 10_000 }),
    flushBatchSize: env.integer('COLLAB_FLUSH_BATCH_SIZE', 500, { min: 1, max: 100_000 }),
    maxQueuedUpdates: env.integer('COLLAB_MAX_QUEUED_UPDATES', 50_000, { min: 1, max: 10_000_000 }),
    compactAfterUpdates: env.integer('COLLAB_COMPACT_AFTER_UPDATES', 500, {
      min: 2,
      max: 10_000_000,
    }),
    idleSeconds: env.integer('COLLAB_IDLE_SECONDS', 60, { min: 1, max: 86_400 }),
    accessRecheckSeconds: env.integer('COLLAB_ACCESS_RECHECK_SECONDS', 30, { min: 1, max: 86_400 }),
  };
}
