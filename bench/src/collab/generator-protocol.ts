/** Messages between the harness and its load-generator child processes. */

/**
 * The servers the harness can run: the real API, the two reference servers for Yjs, and the
 * socket.io relay (socketio-relay.ts), which is no reference but the floor under Commonplan.
 */
export const serverKinds = ['commonplan', 'y-websocket', 'hocuspocus', 'socketio-relay'] as const;
export type ServerKind = (typeof serverKinds)[number];

/** The reference servers: Commonplan's ratio is to the best of these. */
export const referenceServers: readonly ServerKind[] = ['y-websocket', 'hocuspocus'];

/** What a run compares unless `--servers` says otherwise: the relay only when asked for. */
export const defaultServers: readonly ServerKind[] = ['commonplan', ...referenceServers];

/** The load shapes: (a) many sections typing, (b) one crowded section, (c) paste burst, (d) idle + (a). */
export const shapeKeys = ['a', 'b', 'c', 'd'] as const;
export type ShapeKey = (typeof shapeKeys)[number];

/** How editors make changes: keystrokes on a timer, or pasted blocks paced by acknowledgements. */
export type LoadMode = 'typing' | 'burst';

export interface EditorPlan {
  /** The person signed in (Commonplan only; the reference servers have no accounts). */
  email: string;
  sectionId: string;
  /** How many editors, including this one, share the section: each change should reach the rest. */
  editorsInSection: number;
  /**
   * This editor writes the section's starting text when it opens it. The reference servers keep
   * documents in memory only, so one editor per section brings the text Commonplan's sections are
   * seeded with; Commonplan's editors never do.
   */
  seedText: boolean;
}

export interface GeneratorTask {
  server: ServerKind;
  mode: LoadMode;
  /** Commonplan: the API's base URL; reference servers: their WebSocket URL. */
  url: string;
  /**
   * Commonplan: session cookies (`cp_session=…`) by email, signed in once by the harness. Sessions
   * live in the database, so they outlast each fresh API process, and no run pays for password
   * hashing. Empty for the reference servers.
   */
  cookies: Record<string, string>;
  editors: EditorPlan[];
  /** Connections that open and then do nothing (shape d); Commonplan's are signed in as `idleEmails`. */
  idleConnections: number;
  idleEmails: string[];
  /** typing: keystrokes per second per editor. */
  keystrokesPerSecond: number;
  /** typing: changes sent before this wall-clock time are not measured. */
  warmupMs: number;
  /** typing: how long the measured window lasts after the warm-up. */
  measureMs: number;
  /** burst: size of each pasted block, and how many each editor pastes. */
  blockBytes: number;
  blocksPerEditor: number;
}

/** A measured change: who made it, where its structs start, when, and how many should receive it. */
export type SentChange = [clientId: number, clock: number, sentAt: number, receivers: number];

/** Structs of one client arriving at some other editor: [from, to) clocks, when. */
export type Arrival = [clientId: number, from: number, to: number, arrivedAt: number];

export interface GeneratorResult {
  sends: SentChange[];
  arrivals: Arrival[];
  /** [sentAt, acknowledgedAt] of each measured change. */
  acks: Array<[number, number]>;
  errors: Record<string, number>;
  cpuMs: number;
  wallMs: number;
}

export type ToGenerator =
  | { type: 'setup'; task: GeneratorTask }
  | { type: 'go'; startAt: number }
  | { type: 'collect'; resultFile: string }
  | { type: 'close' };

export type FromGenerator =
  | { type: 'ready' }
  | { type: 'sent' }
  | { type: 'collected'; cpuPercent: number }
  | { type: 'failed'; message: string };
