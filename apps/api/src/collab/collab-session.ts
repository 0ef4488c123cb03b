import type { AuthContext } from '../auth/auth-context.js';
import { AwarenessClaims } from './awareness-rules.js';
import type { OpenSection } from './section-documents.service.js';
import { TokenBucket } from './token-bucket.js';

/** One section a connection has joined. */
export interface JoinedSection {
  canEdit: boolean;
  claims: AwarenessClaims;
}

/** A section let into a connection: what the connection holds of it, and the open document. */
export interface AdmittedSection {
  joined: JoinedSection;
  section: OpenSection;
}

/** What the server knows about one connection: who it is, what it has open, how fast it sends. */
export class CollabSession {
  readonly joined = new Map<string, JoinedSection>();
  /**
   * Joins of sections new to this connection still being checked, by section: a second join of
   * the same section waits for the same check. Counted against the cap so a burst cannot pass it.
   */
  readonly joining = new Map<string, Promise<AdmittedSection | null>>();
  /**
   * The checks of new sections run one after another per connection: a burst of joins then costs
   * one database query at a time, not hundreds built in one turn of the event loop.
   */
  private checks: Promise<unknown> = Promise.resolve();
  /** Joins of any kind, per second. */
  readonly joins: TokenBucket;
  readonly updates: TokenBucket;
  readonly awareness: TokenBucket;
  /** When this connection was last told its presence updates are over the rate (ms since epoch). */
  awarenessLimitedNoticeAt = 0;
  /** Presence updates dropped since that notice. */
  awarenessDropped = 0;

  constructor(
    readonly socketId: string,
    readonly auth: AuthContext,
    limits: { joinsPerSecond: number; updatesPerSecond: number; awarenessPerSecond: number },
  ) {
    this.joins = new TokenBucket(limits.joinsPerSecond);
    this.updates = new TokenBucket(limits.updatesPerSecond);
    this.awareness = new TokenBucket(limits.awarenessPerSecond);
  }

  /** Runs `check` after this connection's earlier checks have finished (whatever their outcome). */
  inTurn<T>(check: () => Promise<T>): Promise<T> {
    const turn = this.checks.then(check);
    this.checks = turn.catch(() => undefined);
    return turn;
  }

  /** How many distinct sections this connection holds or is joining. */
  get sectionsHeld(): number {
    let held = this.joined.size;
    for (const sectionId of this.joining.keys()) if (!this.joined.has(sectionId)) held += 1;
    return held;
  }
}
