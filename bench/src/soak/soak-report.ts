/**
 * The soak test's judgement and its written results: the slope of memory over the second half of
 * the run, the criteria with PASS/FAIL, a Markdown summary, and an SVG line chart of RSS over time.
 */
import { escapeXml, fmt } from '../collab/svg-chart.js';

/** One reading of a process's memory, `atS` seconds after typing started. */
export interface MemorySample {
  atS: number;
  rssMb: number;
  /** Live JavaScript heap, where the process reports it. */
  heapMb?: number;
}

/**
 * Growth of RSS that counts as "flat", in MiB per minute, judged over the second half of the run.
 * The documents themselves grow: 300 editors at 1–2 keystrokes a second write about 27,000
 * characters a minute across all sections, which Yjs holds as merged runs of text, well under
 * 1 MiB a minute. Holding on to one small object per update (some 200 bytes at ~450 updates a
 * second) would add about 5 MiB a minute, so a threshold of 3 MiB a minute tells the two apart.
 */
export const flatSlopeMbPerMinute = 3;

/**
 * Growth over the second half that counts as flat whatever the slope. A short run's second half
 * holds a single draft or two, and a process's RSS moves in steps (the worker's grows when it
 * renders a larger draft than before), so one step of a few MiB in a minute reads as a steep
 * slope. Over the full ten minutes the slope limit is the stricter of the two.
 */
export const flatGrowthMb = 5;

/** Whether memory stayed flat after warm-up: see `flatSlopeMbPerMinute` and `flatGrowthMb`. */
export function isFlat(trend: MemoryTrend): boolean {
  return (
    trend.secondHalfSlopeMbPerMinute < flatSlopeMbPerMinute ||
    trend.secondHalfSlopeMbPerMinute * trend.secondHalfMinutes < flatGrowthMb
  );
}

/** Least-squares slope of y over x. */
export function slope(points: ReadonlyArray<[x: number, y: number]>): number {
  if (points.length < 2) return 0;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

export interface MemoryTrend {
  startMb: number;
  endMb: number;
  peakMb: number;
  /** Least-squares slope of RSS over the second half of the run, MiB per minute. */
  secondHalfSlopeMbPerMinute: number;
  /** How long the second half lasted, in minutes. */
  secondHalfMinutes: number;
}

export function memoryTrend(samples: readonly MemorySample[]): MemoryTrend {
  if (samples.length === 0)
    return { startMb: 0, endMb: 0, peakMb: 0, secondHalfSlopeMbPerMinute: 0, secondHalfMinutes: 0 };
  const last = samples[samples.length - 1]!.atS;
  const secondHalf = samples.filter((s) => s.atS >= last / 2);
  return {
    startMb: samples[0]!.rssMb,
    endMb: samples[samples.length - 1]!.rssMb,
    peakMb: Math.max(...samples.map((s) => s.rssMb)),
    secondHalfSlopeMbPerMinute: slope(secondHalf.map((s) => [s.atS / 60, s.rssMb])),
    secondHalfMinutes: last / 2 / 60,
  };
}

export interface Criterion {
  name: string;
  pass: boolean;
  detail: string;
}

export interface SoakResult {
  at: string;
  command: string;
  machine: {
    cpus: number;
    model: string | undefined;
    loadAverageStart: number[];
    loadAverageEnd: number[];
  };
  options: { minutes: number; editors: number; sections: number; generators: number };
  typing: {
    changes: number;
    deletions: number;
    updatesPerSecond: number;
    ackLatencyMs: { p50: number | null; p99: number | null; max: number | null };
    generatorCpuPercent: number[];
    /** Acknowledgements by half-minute of typing: how many, how many over 1 s, the slowest (ms). */
    ackByHalfMinute: Array<{ fromS: number; count: number; overOneSecond: number; maxMs: number }>;
  };
  drafts: Array<{
    label: string;
    atS: number;
    readyMs: number | null;
    words: number | null;
    error?: string;
  }>;
  memory: {
    api: MemoryTrend;
    worker: MemoryTrend;
    samples: { api: MemorySample[]; worker: MemorySample[] };
  };
  errors: Record<string, number>;
  convergence: { sections: number; converged: number; mismatches: string[] };
  criteria: Criterion[];
  pass: boolean;
}

const colours = { api: '#005eb8', worker: '#da291c' };

/** RSS over time for the API and the worker (and the API's heap, dashed, where it was read). */
export function renderMemoryChart(result: SoakResult, title: string): string {
  const width = 760;
  const height = 380;
  const plot = { left: 70, top: 70, right: width - 20, bottom: height - 50 };
  const series = [
    {
      key: 'api RSS',
      colour: colours.api,
      dash: '',
      points: result.memory.samples.api.map((s) => [s.atS, s.rssMb] as const),
    },
    {
      key: 'worker RSS',
      colour: colours.worker,
      dash: '',
      points: result.memory.samples.worker.map((s) => [s.atS, s.rssMb] as const),
    },
    {
      key: 'api heap',
      colour: colours.api,
      dash: ' stroke-dasharray="5 4"',
      points: result.memory.samples.api
        .filter((s) => s.heapMb !== undefined)
        .map((s) => [s.atS, s.heapMb!] as const),
    },
  ].filter((line) => line.points.length > 0);
  const all = series.flatMap((line) => line.points);
  const maxX = Math.max(60, ...all.map(([x]) => x));
  // The top of the scale: the highest reading plus a tenth, rounded up to 50 MiB.
  const maxY = Math.ceil((Math.max(100, ...all.map(([, y]) => y)) * 1.1) / 50) * 50;
  const x = (value: number) => plot.left + (value / maxX) * (plot.right - plot.left);
  const y = (value: number) => plot.bottom - (value / maxY) * (plot.bottom - plot.top);
  const n = (value: number) => value.toFixed(1);
  const parts: string[] = [];
  const text = (tx: number, ty: number, content: string, attrs = '') =>
    parts.push(`<text x="${n(tx)}" y="${n(ty)}" ${attrs}>${escapeXml(content)}</text>`);
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  text(20, 28, title, 'font-size="18" font-weight="bold"');
  let legendX = 20;
  for (const line of series) {
    parts.push(
      `<line x1="${legendX}" y1="48" x2="${legendX + 24}" y2="48" stroke="${line.colour}" stroke-width="3"${line.dash}/>`,
    );
    text(legendX + 30, 52, line.key, 'font-size="13"');
    legendX += 130;
  }
  // Axes and grid.
  for (let i = 0; i <= 5; i += 1) {
    const value = (maxY / 5) * i;
    parts.push(
      `<line x1="${plot.left}" y1="${n(y(value))}" x2="${plot.right}" y2="${n(y(value))}" stroke="#d8dde0"/>`,
    );
    text(plot.left - 8, y(value) + 4, `${fmt(value)}`, 'font-size="11" text-anchor="end"');
  }
  const minuteStep = Math.max(1, Math.ceil(maxX / 60 / 10));
  for (let minute = 0; minute * 60 <= maxX; minute += minuteStep) {
    parts.push(
      `<line x1="${n(x(minute * 60))}" y1="${plot.bottom}" x2="${n(x(minute * 60))}" y2="${plot.bottom + 5}" stroke="#425563"/>`,
    );
    text(x(minute * 60), plot.bottom + 18, `${minute}`, 'font-size="11" text-anchor="middle"');
  }
  text(
    (plot.left + plot.right) / 2,
    height - 12,
    'minutes since typing started',
    'font-size="12" text-anchor="middle"',
  );
  text(16, (plot.top + plot.bottom) / 2, 'MiB', 'font-size="12"');
  parts.push(
    `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#425563"/>`,
  );
  // The second half, over which the slope is judged.
  parts.push(
    `<rect x="${n(x(maxX / 2))}" y="${plot.top}" width="${n(x(maxX) - x(maxX / 2))}" height="${plot.bottom - plot.top}" fill="#005eb8" fill-opacity="0.04"/>`,
  );
  text(x(maxX / 2) + 6, plot.top + 14, 'slope judged here', 'font-size="11" fill="#425563"');
  for (const line of series)
    parts.push(
      `<polyline class="series" data-series="${escapeXml(line.key)}" fill="none" stroke="${line.colour}" stroke-width="2"${line.dash} points="${line.points
        .map(([px, py]) => `${n(x(px))},${n(y(py))}`)
        .join(' ')}"/>`,
    );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, sans-serif">\n${parts.join('\n')}\n</svg>\n`;
}

const mb = (value: number) => `${value.toFixed(1)} MiB`;
const perMinute = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)} MiB/min`;

function slowAcks(buckets: SoakResult['typing']['ackByHalfMinute']): string {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  const slow = buckets.reduce((sum, b) => sum + b.overOneSecond, 0);
  if (slow === 0) return 'none';
  const worst = buckets
    .filter((b) => b.overOneSecond > 0)
    .sort((a, b) => b.overOneSecond - a.overOneSecond)
    .slice(0, 3)
    .map(
      (b) => `${b.overOneSecond.toLocaleString('en-GB')} from ${b.fromS} s (slowest ${b.maxMs} ms)`,
    );
  return `${slow.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} (${((slow / total) * 100).toFixed(1)} %); most: ${worst.join(', ')}`;
}

export function renderMarkdown(result: SoakResult, chartFile: string): string {
  const { options, typing, memory } = result;
  const lines = [
    `# Soak test, ${result.at.slice(0, 16).replace('T', ' ')} UTC: ${result.pass ? 'PASS' : 'FAIL'}`,
    '',
    `\`${result.command}\`: ${options.editors} editors over ${options.sections} sections for ${options.minutes} minutes ` +
      `(${options.generators} load generators), a draft every minute. ${result.machine.cpus} cores (${result.machine.model ?? 'unknown'}), ` +
      `load average ${result.machine.loadAverageStart.map((v) => v.toFixed(2)).join(' / ')} at the start and ` +
      `${result.machine.loadAverageEnd.map((v) => v.toFixed(2)).join(' / ')} at the end.`,
    '',
    '| Criterion | Result | Detail |',
    '| --- | --- | --- |',
    ...result.criteria.map((c) => `| ${c.name} | ${c.pass ? 'PASS' : 'FAIL'} | ${c.detail} |`),
    '',
    '| Figure | Value |',
    '| --- | --- |',
    `| Changes (of them deletions) | ${typing.changes.toLocaleString('en-GB')} (${typing.deletions.toLocaleString('en-GB')}) |`,
    `| Updates per second | ${typing.updatesPerSecond.toFixed(0)} |`,
    `| Acknowledgement latency p50 / p99 / max | ${typing.ackLatencyMs.p50?.toFixed(0) ?? '–'} / ${typing.ackLatencyMs.p99?.toFixed(0) ?? '–'} / ${typing.ackLatencyMs.max?.toFixed(0) ?? '–'} ms |`,
    `| Changes acknowledged after more than 1 s | ${slowAcks(typing.ackByHalfMinute)} |`,
    `| Load generators' CPU | ${typing.generatorCpuPercent.map((v) => `${v.toFixed(0)} %`).join(', ')} |`,
    `| API RSS start / end / peak | ${mb(memory.api.startMb)} / ${mb(memory.api.endMb)} / ${mb(memory.api.peakMb)} |`,
    `| API RSS slope, second half | ${perMinute(memory.api.secondHalfSlopeMbPerMinute)} |`,
    `| Worker RSS start / end / peak | ${mb(memory.worker.startMb)} / ${mb(memory.worker.endMb)} / ${mb(memory.worker.peakMb)} |`,
    `| Worker RSS slope, second half | ${perMinute(memory.worker.secondHalfSlopeMbPerMinute)} |`,
    `| Drafts ready | ${result.drafts.filter((d) => d.error === undefined).length} of ${result.drafts.length} |`,
    '',
    `![RSS over time](${chartFile})`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}
