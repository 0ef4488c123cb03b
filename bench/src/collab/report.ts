/** The results file: every run's figures, and per shape the median with min and max across runs. */
import type { IdleCostResult } from './idle-cost.js';
import type { LogLoadResult } from './log-load.js';
import type { ShapeRunResult } from './shape-run.js';
import { round, spread, type Spread } from './stats.js';

export interface ShapeSummary {
  propagation_p50_ms: number | null;
  propagation_p99_ms: number | null;
  propagation_max_ms: number | null;
  ack_p50_ms: number | null;
  ack_p99_ms: number | null;
  updates_per_s: number | null;
  server_cpu_ms_per_1000_updates: number | null;
  rss_mb: number | null;
  rss_kb_per_connection: number | null;
  rss_kb_per_section: number | null;
  errors: number | null;
  generator_cpu_percent: number | null;
  valid: boolean;
}

type Figure = Exclude<keyof ShapeSummary, 'valid'>;

export interface BenchRuns {
  human: ShapeRunResult[];
  burst: ShapeRunResult[];
  idle: IdleCostResult[];
  logLoad: LogLoadResult[];
}

export interface Summary {
  human: ShapeSummary;
  burst: ShapeSummary;
  idle: ShapeSummary;
  load_10k_ms_before_compaction: number | null;
  load_10k_ms_after_compaction: number | null;
}

export type Ranges = Record<'human' | 'burst' | 'idle', Partial<Record<Figure, Spread>>> & {
  load_10k_ms_before_compaction: Spread;
  load_10k_ms_after_compaction: Spread;
};

const emptyFigures: Record<Figure, null> = {
  propagation_p50_ms: null,
  propagation_p99_ms: null,
  propagation_max_ms: null,
  ack_p50_ms: null,
  ack_p99_ms: null,
  updates_per_s: null,
  server_cpu_ms_per_1000_updates: null,
  rss_mb: null,
  rss_kb_per_connection: null,
  rss_kb_per_section: null,
  errors: null,
  generator_cpu_percent: null,
};

function shapeRanges(runs: ShapeRunResult[]): Partial<Record<Figure, Spread>> {
  const valid = runs.filter((run) => run.valid);
  const of = (pick: (run: ShapeRunResult) => number | null) => spread(valid.map(pick));
  return {
    propagation_p50_ms: of((run) => run.propagation.p50),
    propagation_p99_ms: of((run) => run.propagation.p99),
    propagation_max_ms: of((run) => run.propagation.max),
    ack_p50_ms: of((run) => run.ack.p50),
    ack_p99_ms: of((run) => run.ack.p99),
    updates_per_s: of((run) => run.updatesPerSecond),
    server_cpu_ms_per_1000_updates: of((run) => run.serverCpuMsPer1000Updates),
    rss_mb: of((run) => run.serverRssMb),
    errors: of((run) => run.errorCount),
    // Every run's generators, valid or not, so a reader sees how close the limit was.
    generator_cpu_percent: spread(runs.map((run) => Math.max(...run.generatorCpuPercent))),
  };
}

function idleRanges(runs: IdleCostResult[]): Partial<Record<Figure, Spread>> {
  return {
    rss_kb_per_connection: spread(runs.map((run) => run.rssKbPerConnection)),
    rss_kb_per_section: spread(runs.map((run) => run.rssKbPerSection)),
  };
}

function medians(ranges: Partial<Record<Figure, Spread>>, valid: boolean): ShapeSummary {
  const summary: ShapeSummary = { ...emptyFigures, valid };
  for (const [figure, value] of Object.entries(ranges) as Array<[Figure, Spread]>)
    summary[figure] = round(value.median, figure === 'errors' ? 0 : 2);
  return summary;
}

export function summarise(
  runs: BenchRuns,
  requiredRuns: number,
): { summary: Summary; ranges: Ranges } {
  const human = shapeRanges(runs.human);
  const burst = shapeRanges(runs.burst);
  const idle = idleRanges(runs.idle);
  const enoughValid = (list: ShapeRunResult[]) =>
    list.filter((run) => run.valid).length >= requiredRuns;
  const ranges: Ranges = {
    human,
    burst,
    idle,
    load_10k_ms_before_compaction: spread(runs.logLoad.map((run) => run.beforeCompactionMs)),
    load_10k_ms_after_compaction: spread(runs.logLoad.map((run) => run.afterCompactionMs)),
  };
  return {
    summary: {
      human: medians(human, enoughValid(runs.human)),
      burst: medians(burst, enoughValid(runs.burst)),
      idle: medians(idle, runs.idle.length >= requiredRuns),
      load_10k_ms_before_compaction: round(ranges.load_10k_ms_before_compaction.median, 1),
      load_10k_ms_after_compaction: round(ranges.load_10k_ms_after_compaction.median, 1),
    },
    ranges,
  };
}

const rows: Array<[Figure, string]> = [
  ['propagation_p50_ms', 'propagation p50 (ms)'],
  ['propagation_p99_ms', 'propagation p99 (ms)'],
  ['propagation_max_ms', 'propagation max (ms)'],
  ['ack_p50_ms', 'durable ack p50 (ms)'],
  ['ack_p99_ms', 'durable ack p99 (ms)'],
  ['updates_per_s', 'updates/s'],
  ['server_cpu_ms_per_1000_updates', 'server CPU ms / 1,000 updates'],
  ['rss_mb', 'server RSS (MB)'],
  ['rss_kb_per_connection', 'RSS per idle connection (kB)'],
  ['rss_kb_per_section', 'RSS per open section (kB)'],
  ['errors', 'errors'],
  ['generator_cpu_percent', 'busiest generator CPU (%)'],
];

function cell(value: Spread | undefined): string {
  if (!value || value.median === null) return '–';
  const digits = Math.abs(value.median) >= 100 ? 0 : 1;
  const show = (n: number | null) => (n === null ? '–' : n.toFixed(digits));
  return value.min === value.max
    ? show(value.median)
    : `${show(value.median)} (${show(value.min)}–${show(value.max)})`;
}

/** A Markdown table: each cell is the median across runs, with min–max in brackets. */
export function markdownTable(summary: Summary, ranges: Ranges): string {
  const shapes = ['human', 'burst', 'idle'] as const;
  const lines = [
    '| figure | human | burst | idle |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      ([figure, label]) =>
        `| ${label} | ${shapes.map((shape) => cell(ranges[shape][figure])).join(' | ')} |`,
    ),
    `| valid (generators under the CPU limit in enough runs) | ${shapes
      .map((shape) => (summary[shape].valid ? 'yes' : 'no'))
      .join(' | ')} |`,
    '',
    '| section with a 10,000-update log | join → synced (ms) |',
    '| --- | --- |',
    `| before compaction | ${cell(ranges.load_10k_ms_before_compaction)} |`,
    `| after compaction | ${cell(ranges.load_10k_ms_after_compaction)} |`,
  ];
  return `${lines.join('\n')}\n`;
}
