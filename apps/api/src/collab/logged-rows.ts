/**
 * Which rows of a section's update log a document holds, by sequence number, kept as ranges.
 *
 * A section loaded from a long log holds tens of thousands of rows, nearly always numbered one
 * after another; a set of their numbers as strings cost more to build than applying the log
 * itself. Ranges cost one pair per gap, and a row committed later extends the last range.
 */
export class LoggedRows {
  /** Inclusive ranges, ascending and apart (never touching). */
  private readonly firsts: number[] = [];
  private readonly lasts: number[] = [];
  private rows = 0;

  /** How many rows. */
  get size(): number {
    return this.rows;
  }

  has(seq: string): boolean {
    const n = toNumber(seq);
    const at = this.rangeAtOrBefore(n);
    return at >= 0 && n <= this.lasts[at]!;
  }

  add(seq: string): void {
    const n = toNumber(seq);
    this.addRange(n, n);
  }

  /**
   * Adds rows `first` to `last`, every one of them (the caller knows there is no gap, as when a
   * page of the log held `last - first + 1` rows).
   */
  addRange(first: string | number, last: string | number): void {
    let from = toNumber(first);
    let to = toNumber(last);
    if (to < from) throw new Error(`the log range ${from}-${to} is reversed`);
    // Absorb every range that overlaps or touches [from, to]; usually none, or the last one.
    let at = this.rangeAtOrBefore(from);
    if (at < 0 || this.lasts[at]! < from - 1) at += 1;
    let end = at;
    while (end < this.firsts.length && this.firsts[end]! <= to + 1) {
      from = Math.min(from, this.firsts[end]!);
      to = Math.max(to, this.lasts[end]!);
      this.rows -= this.lasts[end]! - this.firsts[end]! + 1;
      end += 1;
    }
    this.firsts.splice(at, end - at, from);
    this.lasts.splice(at, end - at, to);
    this.rows += to - from + 1;
  }

  /** Adds every row of `other`. */
  addAll(other: LoggedRows): void {
    for (let i = 0; i < other.firsts.length; i += 1)
      this.addRange(other.firsts[i]!, other.lasts[i]!);
  }

  /** Forgets every row numbered `last` or lower. */
  forgetThrough(last: string): void {
    const n = toNumber(last);
    let drop = 0;
    while (drop < this.firsts.length && this.lasts[drop]! <= n) {
      this.rows -= this.lasts[drop]! - this.firsts[drop]! + 1;
      drop += 1;
    }
    this.firsts.splice(0, drop);
    this.lasts.splice(0, drop);
    if (this.firsts.length > 0 && this.firsts[0]! <= n) {
      this.rows -= n - this.firsts[0]! + 1;
      this.firsts[0] = n + 1;
    }
  }

  /** The index of the last range starting at or before `n`, or -1. */
  private rangeAtOrBefore(n: number): number {
    const { firsts } = this;
    const count = firsts.length;
    // Rows are mostly added in order: look at the last range first.
    if (count === 0 || firsts[count - 1]! <= n) return count - 1;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (firsts[mid]! <= n) low = mid;
      else high = mid - 1;
    }
    return firsts[low]! <= n ? low : -1;
  }
}

/** A row's number: a bigint in PostgreSQL, exact as a JavaScript number below 2^53. */
function toNumber(seq: string | number): number {
  const n = typeof seq === 'number' ? seq : Number(seq);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a log row number: ${seq}`);
  return n;
}
