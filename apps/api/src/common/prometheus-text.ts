/**
 * The Prometheus text exposition format (version 0.0.4), written out by hand: a few counters,
 * gauges and one histogram do not need a client library.
 */
export type Labels = Record<string, string>;

export interface Sample {
  labels?: Labels;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  samples: Array<Sample & { suffix?: '_bucket' | '_sum' | '_count' }>;
}

export const prometheusContentType = 'text/plain; version=0.0.4; charset=utf-8';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatLabels(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return '';
  return `{${entries.map(([key, value]) => `${key}="${escapeLabel(value)}"`).join(',')}}`;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export function renderMetrics(families: MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${family.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
    lines.push(`# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples)
      lines.push(
        `${family.name}${sample.suffix ?? ''}${formatLabels(sample.labels)} ${formatValue(sample.value)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** A cumulative histogram with fixed upper bounds, as Prometheus expects. */
export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    for (let i = 0; i < this.bounds.length; i += 1)
      if (value <= this.bounds[i]!) this.counts[i]! += 1;
  }

  samples(): MetricFamily['samples'] {
    return [
      ...this.bounds.map((bound, i) => ({
        suffix: '_bucket' as const,
        labels: { le: formatValue(bound) },
        value: this.counts[i]!,
      })),
      { suffix: '_bucket' as const, labels: { le: '+Inf' }, value: this.count },
      { suffix: '_sum' as const, value: this.sum },
      { suffix: '_count' as const, value: this.count },
    ];
  }
}
