/**
 * A token bucket: `ratePerSecond` tokens a second, holding at most one second's worth, so a burst
 * of a second's allowance passes and a steady flood is cut to the rate.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    now: number = Date.now(),
  ) {
    this.tokens = ratePerSecond;
    this.last = now;
  }

  /** Takes a token if there is one; false means the caller is over its rate. */
  take(now: number = Date.now()): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.ratePerSecond, this.tokens + elapsed * this.ratePerSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
