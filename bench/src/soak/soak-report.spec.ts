import { describe, expect, it } from '@jest/globals';
import { parseSoakOptions } from './soak-options.js';
import {
  flatSlopeMbPerMinute,
  isFlat,
  memoryTrend,
  renderMarkdown,
  renderMemoryChart,
  slope,
  type MemorySample,
  type SoakResult,
} from './soak-report.js';

/** Samples every five seconds for `minutes`, RSS given by `rss(atS)`. */
function samples(minutes: number, rss: (atS: number) => number): MemorySample[] {
  return Array.from({ length: (minutes * 60) / 5 + 1 }, (_, i) => ({
    atS: i * 5,
    rssMb: rss(i * 5),
  }));
}

function result(api: MemorySample[], worker: MemorySample[]): SoakResult {
  return {
    at: '2026-11-23T16:00:00.000Z',
    command: 'npm run test:soak',
    machine: { cpus: 2, model: 'test', loadAverageStart: [1, 1, 1], loadAverageEnd: [2, 2, 2] },
    options: { minutes: 10, editors: 300, sections: 30, generators: 3 },
    typing: {
      changes: 1000,
      deletions: 80,
      updatesPerSecond: 450,
      ackLatencyMs: { p50: 10, p99: 200, max: 900 },
      generatorCpuPercent: [20, 21, 19],
      ackByHalfMinute: [
        { fromS: 0, count: 600, overOneSecond: 0, maxMs: 400 },
        { fromS: 30, count: 400, overOneSecond: 12, maxMs: 2100 },
      ],
    },
    drafts: [{ label: 'Soak draft 1', atS: 30, readyMs: 900, words: 400 }],
    memory: { api: memoryTrend(api), worker: memoryTrend(worker), samples: { api, worker } },
    errors: {},
    convergence: { sections: 30, converged: 30, mismatches: [] },
    criteria: [{ name: 'No errors', pass: true, detail: 'none <at all> & more' }],
    pass: true,
  };
}

describe('the soak judgement of memory', () => {
  it('finds the least-squares slope of a line, and none of a level series', () => {
    expect(
      slope([
        [0, 1],
        [1, 3],
        [2, 5],
      ]),
    ).toBeCloseTo(2);
    expect(
      slope([
        [0, 4],
        [1, 4],
        [2, 4],
      ]),
    ).toBe(0);
    expect(slope([[0, 4]])).toBe(0);
  });

  it('ignores growth during warm-up and judges only the second half', () => {
    // Climbs 100 MiB in the first minute, then stays level for nine.
    const trend = memoryTrend(samples(10, (atS) => 150 + Math.min(atS, 60) * (100 / 60)));
    expect(trend.startMb).toBe(150);
    expect(trend.endMb).toBeCloseTo(250);
    expect(trend.secondHalfSlopeMbPerMinute).toBeCloseTo(0);
    expect(trend.secondHalfSlopeMbPerMinute).toBeLessThan(flatSlopeMbPerMinute);
  });

  it('sees a steady leak of 5 MiB a minute as above the limit', () => {
    const trend = memoryTrend(
      samples(10, (atS) => 200 + (atS / 60) * 5 + (atS % 10 === 0 ? 1 : -1)),
    );
    expect(trend.secondHalfSlopeMbPerMinute).toBeCloseTo(5, 0);
    expect(trend.secondHalfSlopeMbPerMinute).toBeGreaterThan(flatSlopeMbPerMinute);
  });
});

describe('the soak chart and summary', () => {
  it('draws one line per process and one for the heap where it was read, inside the plot', () => {
    const api = samples(10, () => 180).map((s, i) => (i % 6 === 0 ? { ...s, heapMb: 60 } : s));
    const svg = renderMemoryChart(
      result(
        api,
        samples(10, () => 120),
      ),
      'Soak & memory',
    );
    expect(svg.match(/<polyline class="series"/g)).toHaveLength(3);
    expect(svg).toContain('data-series="api RSS"');
    expect(svg).toContain('data-series="worker RSS"');
    expect(svg).toContain('data-series="api heap"');
    expect(svg).toContain('Soak &amp; memory');
    const coordinates = [...svg.matchAll(/points="([^"]+)"/g)].flatMap((m) =>
      m[1]!.split(' ').map((pair) => pair.split(',').map(Number)),
    );
    for (const [x, y] of coordinates) {
      expect(x).toBeGreaterThanOrEqual(70);
      expect(x).toBeLessThanOrEqual(740);
      expect(y).toBeGreaterThanOrEqual(70);
      expect(y).toBeLessThanOrEqual(330);
    }
  });

  it('states each criterion with PASS or FAIL and the figures a reader needs', () => {
    const markdown = renderMarkdown(
      result(
        samples(2, () => 180),
        samples(2, () => 120),
      ),
      'x.svg',
    );
    expect(markdown).toContain('| No errors | PASS |');
    expect(markdown).toContain('| Updates per second | 450 |');
    expect(markdown).toContain('10 / 200 / 900 ms');
    expect(markdown).toContain('12 of 1,000 (1.2 %); most: 12 from 30 s (slowest 2100 ms)');
    expect(markdown).toContain('![RSS over time](x.svg)');
  });
});

describe('the soak options', () => {
  it('defaults to 300 editors over 30 sections for 10 minutes', () => {
    expect(parseSoakOptions([])).toEqual({
      minutes: 10,
      editors: 300,
      sections: 30,
      generators: 3,
      out: null,
    });
  });

  it('reads each option with or without an equals sign', () => {
    expect(
      parseSoakOptions(['--minutes', '2', '--editors=60', '--sections', '6', '--out', 'a.json']),
    ).toMatchObject({ minutes: 2, editors: 60, sections: 6, out: 'a.json' });
  });

  it('refuses unknown options and impossible numbers with a message saying what to use', () => {
    expect(() => parseSoakOptions(['--quick'])).toThrow(/unknown option --quick \(use --minutes/);
    expect(() => parseSoakOptions(['--minutes', 'ten'])).toThrow(/--minutes must be a number/);
    expect(() => parseSoakOptions(['--editors', '5', '--sections', '10'])).toThrow(
      /every section needs an editor/,
    );
  });
});

describe('judging a short run', () => {
  it('lets one step of a few MiB pass in a short run but not a steady leak in a long one', () => {
    // Two minutes: a 3 MiB step at 95 s, as the worker takes when it renders a larger draft.
    const step = memoryTrend(samples(2, (atS) => (atS >= 95 ? 138 : 135)));
    expect(step.secondHalfSlopeMbPerMinute).toBeGreaterThan(flatSlopeMbPerMinute);
    expect(isFlat(step)).toBe(true);
    // Ten minutes growing 3.5 MiB a minute throughout.
    const leak = memoryTrend(samples(10, (atS) => 150 + (atS / 60) * 3.5));
    expect(isFlat(leak)).toBe(false);
  });
});
