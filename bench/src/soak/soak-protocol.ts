/** Messages between the soak harness and its load-generator child processes. */

export interface SoakEditorPlan {
  email: string;
  sectionId: string;
}

export interface SoakGeneratorTask {
  /** The API's base URL. */
  url: string;
  /** Session cookies (`cp_session=…`) by email, signed in once by the harness. */
  cookies: Record<string, string>;
  editors: SoakEditorPlan[];
  /** Each editor's keystrokes per second, drawn evenly from this range. */
  keystrokesPerSecond: [min: number, max: number];
  /** One keystroke in this many deletes the character before the cursor instead of typing. */
  deleteOneIn: number;
}

/** What one generator saw while it typed. */
export interface SoakGeneratorStats {
  /** Changes made, and how many of them were deletions. */
  changes: number;
  deletions: number;
  acknowledged: number;
  /** Milliseconds from each change to the server's acknowledgement (a sample, at most 50,000). */
  ackLatencyMs: number[];
  /**
   * Acknowledgements by the half-minute in which the change was made (index 0 = the first 30 s of
   * typing): how many, how many took over a second, and the slowest, in ms.
   */
  ackBuckets: Array<{ count: number; overOneSecond: number; maxMs: number }>;
  /** Socket error events and refusals by code; disconnects as `disconnected`. */
  errors: Record<string, number>;
  /** Changes still unacknowledged once the generator stopped typing and waited. */
  unacknowledgedAtEnd: number;
  cpuMs: number;
  wallMs: number;
}

/** Each editor's section text (the XML of its `content` fragment) once typing stopped. */
export type SectionTexts = Record<string, string[]>;

export type ToSoakGenerator =
  | { type: 'setup'; task: SoakGeneratorTask }
  | { type: 'go' }
  | { type: 'stop' }
  | { type: 'texts' }
  | { type: 'close' };

export type FromSoakGenerator =
  | { type: 'ready' }
  | { type: 'going' }
  | { type: 'stopped'; stats: SoakGeneratorStats }
  | { type: 'texts'; texts: SectionTexts }
  | { type: 'failed'; message: string };
