/** Percentiles of one run, and the median, min and max of a figure across runs. */

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export interface Distribution {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export function distribution(values: number[]): Distribution {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  return {
    count: list.length,
    p50: percentile(list, 50),
    p99: percentile(list, 99),
    max: list.length ? list[list.length - 1]! : null,
  };
}

export interface Spread {
  median: number | null;
  min: number | null;
  max: number | null;
  runs: number;
}

export function spread(values: Array<number | null>): Spread {
  const present = values.filter(
    (value): value is number => value !== null && Number.isFinite(value),
  );
  present.sort((a, b) => a - b);
  if (present.length === 0) return { median: null, min: null, max: null, runs: 0 };
  const middle = Math.floor(present.length / 2);
  const median =
    present.length % 2 === 1 ? present[middle]! : (present[middle - 1]! + present[middle]!) / 2;
  return { median, min: present[0]!, max: present[present.length - 1]!, runs: present.length };
}

export function round(value: number | null, digits = 1): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
