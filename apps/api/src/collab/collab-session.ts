import type { AuthContext } from '../auth/auth-context.js';
import { AwarenessClaims } from './awareness-rules.js';
import { TokenBucket } from './token-bucket.js';

/** One section a connection has joined. */
export interface JoinedSection {
  canEdit: boolean;
  claims: AwarenessClaims;
}

/** What the server knows about one connection: who it is, what it has open, how fast it sends. */
export class CollabSession {
  readonly joined = new Map<string, JoinedSection>();
  /** Joins still being authorised, counted against the cap so a burst cannot pass it. */
  joining = 0;
  readonly updates: TokenBucket;
  readonly awareness: TokenBucket;
  /** When this connection was last told its presence updates are over the rate (ms since epoch). */
  awarenessLimitedNoticeAt = 0;
  /** Presence updates dropped since that notice. */
  awarenessDropped = 0;

  constructor(
    readonly socketId: string,
    readonly auth: AuthContext,
    limits: { updatesPerSecond: number; awarenessPerSecond: number },
  ) {
    this.updates = new TokenBucket(limits.updatesPerSecond);
    this.awareness = new TokenBucket(limits.awarenessPerSecond);
  }
}
