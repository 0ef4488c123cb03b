/** Messages between the harness and its load-generator child processes. */

export type Shape = 'human' | 'burst';

export interface EditorPlan {
  email: string;
  sectionId: string;
  /** How many editors, including this one, share the section: each change should reach the rest. */
  editorsInSection: number;
}

export interface GeneratorTask {
  shape: Shape;
  baseUrl: string;
  password: string;
  editors: EditorPlan[];
  /** human: keystrokes per second per editor. */
  keystrokesPerSecond: number;
  /** human: changes sent before this wall-clock time are not measured. */
  warmupMs: number;
  /** human: how long the measured window lasts after the warm-up. */
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
