/**
 * The results: per server and load shape the median of the valid runs with min and max, the
 * Commonplan-only figures, Commonplan's propagation p99 as a ratio to the best reference server's
 * from the same run, and each target met or not. Also the Markdown tables printed at the end.
 */
import {
  referenceServers,
  serverKinds,
  shapeKeys,
  type ServerKind,
  type ShapeKey,
} from './generator-protocol.js';
import type { LogLoadResult } from './log-load.js';
import type { SectionMemoryResult } from './section-memory.js';
import type { ShapeRunResult } from './shape-run.js';
import { round, spread, type Spread } from './stats.js';

export interface ShapeSummary {
  propagation_p50_ms: number | null;
  propagation_p99_ms: number | null;
  propagation_max_ms: number | null;
  /** Commonplan only: the change committed to PostgreSQL. */
  durable_ack_p50_ms: number | null;
  durable_ack_p99_ms: number | null;
  /** The server's own acknowledgement (Commonplan: durable; y-websocket: pong; Hocuspocus: sync status). */
  ack_p50_ms: number | null;
  ack_p99_ms: number | null;
  updates_per_s: number | null;
  server_cpu_ms_per_1000_updates: number | null;
  /** The server's event loop runnable but waiting for a CPU, as a share of the window (%). */
  server_cpu_wait_percent: number | null;
  rss_mb: number | null;
  /** RSS at the end of the window divided by every open connection (editors and idle). */
  rss_kb_per_connection: number | null;
  /** Shape d: RSS growth per idle connection. */
  rss_kb_per_idle_connection: number | null;
  errors: number | null;
  generator_cpu_percent: number | null;
  /** The machine's one-minute load average at the end of the runs (all runs). */
  load_average: number | null;
  /** Runs whose generators stayed under the CPU limit. */
  valid_runs: number;
  /** Enough valid runs for a median of the required number. */
  valid: boolean;
}

export type Figure = Exclude<keyof ShapeSummary, 'valid' | 'valid_runs'>;

export type ServerRuns = Partial<Record<ShapeKey, ShapeRunResult[]>>;

export interface BenchRuns {
  servers: Partial<Record<ServerKind, ServerRuns>>;
  /** Commonplan only, keyed by the number of updates in the log. */
  logLoad: Record<string, LogLoadResult[]>;
  sectionMemory: SectionMemoryResult[];
}

export interface CommonplanSummary {
  /** e.g. `load_10k_ms_before_compaction`, `load_100k_ms_after_compaction`. */
  [figure: string]: number | null;
}

export interface Target {
  name: string;
  value: number | null;
  threshold: number;
  comparison: '<' | '<=' | '>=';
  unit: string;
  met: boolean;
}

export type Summary = Partial<Record<ServerKind, Partial<Record<ShapeKey, ShapeSummary>>>>;
export type Ranges = Partial<
  Record<ServerKind, Partial<Record<ShapeKey, Partial<Record<Figure, Spread>>>>>
>;

export interface Report {
  summary: Summary;
  ranges: Ranges;
  commonplan: CommonplanSummary;
  commonplan_ranges: Record<string, Spread>;
  /** Commonplan's propagation p99 / the best reference server's, median of per-run ratios. */
  p99_ratio_to_best_peer: Partial<Record<ShapeKey, Spread>>;
  /** The same ratio for the socket.io relay, when it ran: the floor of Commonplan's transport. */
  relay_p99_ratio_to_best_peer: Partial<Record<ShapeKey, Spread>>;
  targets: Target[];
}

const figureDigits = (figure: Figure) => (figure === 'errors' ? 0 : 2);

export function shapeRanges(
  runs: ShapeRunResult[],
  durable: boolean,
): Partial<Record<Figure, Spread>> {
  const valid = runs.filter((run) => run.valid);
  const of = (pick: (run: ShapeRunResult) => number | null) => spread(valid.map(pick));
  const perConnection = (run: ShapeRunResult) =>
    (run.serverRssMb * 1024) / Math.max(1, run.editors + run.idleConnections);
  return {
    propagation_p50_ms: of((run) => run.propagation.p50),
    propagation_p99_ms: of((run) => run.propagation.p99),
    propagation_max_ms: of((run) => run.propagation.max),
    durable_ack_p50_ms: of((run) => (durable ? run.ack.p50 : null)),
    durable_ack_p99_ms: of((run) => (durable ? run.ack.p99 : null)),
    ack_p50_ms: of((run) => run.ack.p50),
    ack_p99_ms: of((run) => run.ack.p99),
    updates_per_s: of((run) => run.updatesPerSecond),
    server_cpu_ms_per_1000_updates: of((run) => run.serverCpuMsPer1000Updates),
    server_cpu_wait_percent: of((run) => run.serverCpuWaitPercent),
    rss_mb: of((run) => run.serverRssMb),
    rss_kb_per_connection: of(perConnection),
    rss_kb_per_idle_connection: of((run) => run.rssKbPerIdleConnection),
    errors: of((run) => run.errorCount),
    // Every run's generators, valid or not, so a reader sees how close the limit was.
    load_average: spread(runs.map((run) => run.loadAverage)),
    generator_cpu_percent: spread(
      runs.map((run) =>
        run.generatorCpuPercent.length ? Math.max(...run.generatorCpuPercent) : null,
      ),
    ),
  };
}

export function shapeSummary(
  ranges: Partial<Record<Figure, Spread>>,
  runs: ShapeRunResult[],
  requiredRuns: number,
): ShapeSummary {
  const validRuns = runs.filter((run) => run.valid).length;
  const summary = {
    valid_runs: validRuns,
    valid: validRuns >= requiredRuns,
  } as ShapeSummary;
  for (const figure of Object.keys(ranges) as Figure[])
    summary[figure] = round(ranges[figure]?.median ?? null, figureDigits(figure));
  return summary;
}

/** Per-run ratios of a server's propagation p99 (Commonplan's) to the best reference server's in that run. */
export function p99Ratios(
  servers: BenchRuns['servers'],
  shape: ShapeKey,
  server: ServerKind = 'commonplan',
): Array<number | null> {
  const ours = servers[server]?.[shape] ?? [];
  const peers = referenceServers.filter((kind) => servers[kind]?.[shape]);
  if (peers.length === 0) return [];
  return ours.map((run, index) => {
    const theirs = peers.map((kind) => servers[kind]![shape]![index]);
    if (!run.valid || run.propagation.p99 === null) return null;
    const best = Math.min(
      ...theirs
        .filter((other) => other?.valid && other.propagation.p99 !== null)
        .map((other) => other!.propagation.p99!),
    );
    return Number.isFinite(best) && best > 0 ? run.propagation.p99 / best : null;
  });
}

function met(value: number | null, comparison: Target['comparison'], threshold: number): boolean {
  if (value === null) return false;
  if (comparison === '<') return value < threshold;
  if (comparison === '<=') return value <= threshold;
  return value >= threshold;
}

function target(
  name: string,
  value: number | null,
  comparison: Target['comparison'],
  threshold: number,
  unit: string,
): Target {
  return { name, value, threshold, comparison, unit, met: met(value, comparison, threshold) };
}

/** The product's targets, each met or not; a figure not measured (or not validly) is not met. */
export function evaluateTargets(
  summary: Summary,
  commonplan: CommonplanSummary,
  ratios: Partial<Record<ShapeKey, Spread>>,
): Target[] {
  const ours = summary.commonplan ?? {};
  const valid = (shape: ShapeKey, figure: Figure) =>
    ours[shape]?.valid ? (ours[shape]![figure] ?? null) : null;
  const targets: Target[] = [];
  for (const shape of shapeKeys)
    if (ratios[shape])
      targets.push(
        target(
          `(${shape}) propagation p99, Commonplan / best reference server (same run)`,
          round(ratios[shape]!.median, 2),
          '<=',
          1,
          '×',
        ),
      );
  targets.push(
    target('(a) propagation p99', valid('a', 'propagation_p99_ms'), '<', 20, 'ms'),
    target('(a) durable acknowledgement p99', valid('a', 'durable_ack_p99_ms'), '<', 50, 'ms'),
    target('(a) errors', valid('a', 'errors'), '<=', 0, ''),
    target(
      '(c) updates per second through one API process',
      valid('c', 'updates_per_s'),
      '>=',
      5_000,
      '/s',
    ),
    target('(d) RSS per idle connection', valid('d', 'rss_kb_per_idle_connection'), '<', 64, 'KiB'),
    target(
      'a section of 20 pages of text in memory (live heap)',
      commonplan.section_20_pages_heap_kb ?? null,
      '<',
      1024,
      'KiB',
    ),
    target(
      'open a section with a 100,000-update log',
      commonplan.load_100k_ms_before_compaction ?? null,
      '<',
      150,
      'ms',
    ),
    target(
      'open the same section after compaction',
      commonplan.load_100k_ms_after_compaction ?? null,
      '<',
      20,
      'ms',
    ),
  );
  return targets;
}

function thousands(updates: number): string {
  return updates % 1000 === 0 ? `${updates / 1000}k` : String(updates);
}

export function summarise(runs: BenchRuns, requiredRuns: number): Report {
  const summary: Summary = {};
  const ranges: Ranges = {};
  for (const kind of serverKinds) {
    const byShape = runs.servers[kind];
    if (!byShape) continue;
    summary[kind] = {};
    ranges[kind] = {};
    for (const shape of shapeKeys) {
      const list = byShape[shape];
      if (!list) continue;
      const shapeRange = shapeRanges(list, kind === 'commonplan');
      ranges[kind]![shape] = shapeRange;
      summary[kind]![shape] = shapeSummary(shapeRange, list, requiredRuns);
    }
  }
  const commonplanRanges: Record<string, Spread> = {};
  for (const [updates, list] of Object.entries(runs.logLoad)) {
    const key = `load_${thousands(Number(updates))}_ms`;
    commonplanRanges[`${key}_before_compaction`] = spread(
      list.map((run) => run.beforeCompactionMs),
    );
    commonplanRanges[`${key}_after_compaction`] = spread(list.map((run) => run.afterCompactionMs));
  }
  if (runs.sectionMemory.length)
    commonplanRanges.section_20_pages_kb = spread(
      runs.sectionMemory.map((run) => run.rssKbPerSection),
    );
  if (runs.sectionMemory.length)
    commonplanRanges.section_20_pages_heap_kb = spread(
      runs.sectionMemory.map((run) => run.heapKbPerSection),
    );
  const commonplan: CommonplanSummary = {};
  for (const [figure, value] of Object.entries(commonplanRanges))
    commonplan[figure] = round(value.median, 1);
  const ratios: Partial<Record<ShapeKey, Spread>> = {};
  const relayRatios: Partial<Record<ShapeKey, Spread>> = {};
  for (const shape of shapeKeys) {
    const list = p99Ratios(runs.servers, shape);
    if (list.length) ratios[shape] = spread(list);
    const relay = p99Ratios(runs.servers, shape, 'socketio-relay');
    if (relay.length) relayRatios[shape] = spread(relay);
  }
  return {
    summary,
    ranges,
    commonplan,
    commonplan_ranges: commonplanRanges,
    p99_ratio_to_best_peer: ratios,
    relay_p99_ratio_to_best_peer: relayRatios,
    targets: evaluateTargets(summary, commonplan, ratios),
  };
}

const rows: Array<[Figure, string]> = [
  ['propagation_p50_ms', 'propagation p50 (ms)'],
  ['propagation_p99_ms', 'propagation p99 (ms)'],
  ['propagation_max_ms', 'propagation max (ms)'],
  ['durable_ack_p50_ms', 'durable ack p50 (ms)'],
  ['durable_ack_p99_ms', 'durable ack p99 (ms)'],
  ['ack_p99_ms', 'server ack p99 (ms), any kind'],
  ['updates_per_s', 'updates/s'],
  ['server_cpu_ms_per_1000_updates', 'server CPU ms / 1,000 updates'],
  ['server_cpu_wait_percent', 'server waiting for a CPU (% of the window)'],
  ['rss_mb', 'server RSS (MiB)'],
  ['rss_kb_per_connection', 'RSS per connection (KiB)'],
  ['rss_kb_per_idle_connection', 'RSS growth per idle connection (KiB)'],
  ['errors', 'errors'],
  ['generator_cpu_percent', 'busiest generator CPU (% of a core)'],
  ['load_average', 'machine load average (1 min)'],
];

export function cell(value: Spread | undefined): string {
  if (!value || value.median === null) return '–';
  const digits = Math.abs(value.median) >= 100 ? 0 : Math.abs(value.median) >= 10 ? 1 : 2;
  const show = (n: number | null) => (n === null ? '–' : n.toFixed(digits));
  return value.min === value.max
    ? show(value.median)
    : `${show(value.median)} (${show(value.min)}–${show(value.max)})`;
}

export const shapeTitles: Record<ShapeKey, string> = {
  a: '(a) 50 sections × 4 editors typing',
  b: '(b) one section, 50 editors typing',
  c: '(c) 20 editors pasting 2 KB blocks',
  d: '(d) 500 idle connections + (a)',
};

/** Markdown: a table per shape (servers as columns), the Commonplan-only figures, the targets. */
export function markdownTables(report: Report, shapeTitle = shapeTitles): string {
  const servers = serverKinds.filter((kind) => report.ranges[kind]);
  const out: string[] = [];
  for (const shape of shapeKeys) {
    if (!servers.some((kind) => report.ranges[kind]?.[shape])) continue;
    out.push(`### ${shapeTitle[shape]}`, '');
    out.push(
      `| figure | ${servers.join(' | ')} |`,
      `| --- |${servers.map(() => ' --- |').join('')}`,
    );
    for (const [figure, label] of rows) {
      const cells = servers.map((kind) => cell(report.ranges[kind]?.[shape]?.[figure]));
      if (cells.every((text) => text === '–')) continue;
      out.push(`| ${label} | ${cells.join(' | ')} |`);
    }
    out.push(
      `| valid runs | ${servers
        .map((kind) => {
          const summary = report.summary[kind]?.[shape];
          return summary
            ? `${summary.valid_runs}${summary.valid ? '' : ' (too few: INVALID)'}`
            : '–';
        })
        .join(' | ')} |`,
    );
    const ratio = report.p99_ratio_to_best_peer[shape];
    if (ratio) out.push('', `Commonplan p99 / best reference p99, same run: ${cell(ratio)} ×`);
    const relayRatio = report.relay_p99_ratio_to_best_peer[shape];
    if (relayRatio)
      out.push(
        '',
        `socket.io relay (the transport alone, not a reference) p99 / best reference p99, same run: ${cell(relayRatio)} ×`,
      );
    out.push('');
  }
  const commonplanRows = Object.entries(report.commonplan_ranges);
  if (commonplanRows.length) {
    out.push('### Commonplan only', '', '| figure | median (min–max) |', '| --- | --- |');
    for (const [figure, value] of commonplanRows) out.push(`| ${figure} | ${cell(value)} |`);
    out.push('');
  }
  out.push('### Targets', '', '| target | value | threshold | met |', '| --- | --- | --- | --- |');
  for (const item of report.targets)
    out.push(
      `| ${item.name} | ${item.value === null ? 'not measured' : `${item.value} ${item.unit}`.trim()} | ${item.comparison} ${item.threshold} ${item.unit}`.trimEnd() +
        ` | ${item.met ? 'yes' : '**no**'} |`,
    );
  return `${out.join('\n')}\n`;
}
