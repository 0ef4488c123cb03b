import { describe, expect, it } from '@jest/globals';
import { shapeRun } from './report-fixtures.js';
import { evaluateTargets, markdownTables, p99Ratios, summarise, type BenchRuns } from './report.js';

function threeServerRuns(): BenchRuns {
  return {
    servers: {
      commonplan: {
        a: [
          shapeRun({ p50: 2, p99: 10, ack99: 30 }),
          shapeRun({ p50: 3, p99: 18, ack99: 40 }),
          shapeRun({ p50: 4, p99: 16, ack99: 45 }),
        ],
        c: [
          shapeRun({ p50: 20, p99: 100, updatesPerSecond: 4000 }),
          shapeRun({ p50: 20, p99: 100, updatesPerSecond: 5200 }),
          shapeRun({ p50: 20, p99: 100, updatesPerSecond: 6000 }),
        ],
      },
      'y-websocket': {
        a: [
          shapeRun({ p50: 1, p99: 20 }),
          shapeRun({ p50: 1, p99: 9 }),
          shapeRun({ p50: 1, p99: 8 }),
        ],
        c: [
          shapeRun({ p50: 5, p99: 50 }),
          shapeRun({ p50: 5, p99: 50 }),
          shapeRun({ p50: 5, p99: 50 }),
        ],
      },
      hocuspocus: {
        a: [
          shapeRun({ p50: 1, p99: 5 }),
          shapeRun({ p50: 1, p99: 12 }),
          shapeRun({ p50: 1, p99: 32 }),
        ],
        c: [
          shapeRun({ p50: 5, p99: 200 }),
          shapeRun({ p50: 5, p99: 200 }),
          shapeRun({ p50: 5, p99: 200 }),
        ],
      },
    },
    logLoad: {
      '10000': [
        { rowsBefore: 10_000, rowsAfter: 1, beforeCompactionMs: 120, afterCompactionMs: 15 },
        { rowsBefore: 10_000, rowsAfter: 1, beforeCompactionMs: 140, afterCompactionMs: 12 },
        { rowsBefore: 10_000, rowsAfter: 1, beforeCompactionMs: 130, afterCompactionMs: 18 },
      ],
      '100000': [
        { rowsBefore: 100_000, rowsAfter: 1, beforeCompactionMs: 900, afterCompactionMs: 19 },
        { rowsBefore: 100_000, rowsAfter: 1, beforeCompactionMs: 1000, afterCompactionMs: 25 },
        { rowsBefore: 100_000, rowsAfter: 1, beforeCompactionMs: 950, afterCompactionMs: 21 },
      ],
    },
    sectionMemory: [
      { sections: 8, characters: 60_000, rssKbPerSection: 700, heapKbPerSection: 1100 },
      { sections: 8, characters: 60_000, rssKbPerSection: 900, heapKbPerSection: 500 },
      { sections: 8, characters: 60_000, rssKbPerSection: 800, heapKbPerSection: 600 },
    ],
  };
}

describe('the results summary', () => {
  it('is keyed by server, then by load shape, with the figures other tools read', () => {
    const report = summarise(threeServerRuns(), 3);
    expect(Object.keys(report.summary)).toEqual(['commonplan', 'y-websocket', 'hocuspocus']);
    for (const server of ['commonplan', 'y-websocket', 'hocuspocus'] as const) {
      expect(Object.keys(report.summary[server]!)).toEqual(['a', 'c']);
      for (const figures of Object.values(report.summary[server]!))
        for (const key of ['propagation_p50_ms', 'propagation_p99_ms', 'updates_per_s', 'rss_mb'])
          expect(typeof figures[key as keyof typeof figures]).toBe('number');
    }
    expect(report.summary.commonplan!.a).toMatchObject({
      propagation_p50_ms: 3,
      propagation_p99_ms: 16,
      durable_ack_p99_ms: 40,
      rss_mb: 200,
      valid: true,
      valid_runs: 3,
    });
  });

  it('gives durable acknowledgement figures for Commonplan only', () => {
    const report = summarise(threeServerRuns(), 3);
    expect(report.summary['y-websocket']!.a!.durable_ack_p99_ms).toBeNull();
    expect(report.summary.hocuspocus!.a!.durable_ack_p99_ms).toBeNull();
    expect(report.summary.hocuspocus!.a!.ack_p99_ms).not.toBeNull();
  });

  it('leaves runs with a saturated generator out of the medians and marks too few valid runs', () => {
    const runs = threeServerRuns();
    runs.servers.commonplan!.a![1] = shapeRun({ p50: 300, p99: 900, valid: false });
    const report = summarise(runs, 3);
    expect(report.summary.commonplan!.a).toMatchObject({
      propagation_p99_ms: 13,
      valid_runs: 2,
      valid: false,
    });
    expect(report.ranges.commonplan!.a!.propagation_p99_ms).toMatchObject({ min: 10, max: 16 });
  });

  it('names the Commonplan-only figures by log length', () => {
    const report = summarise(threeServerRuns(), 3);
    expect(report.commonplan).toEqual({
      load_10k_ms_before_compaction: 130,
      load_10k_ms_after_compaction: 15,
      load_100k_ms_before_compaction: 950,
      load_100k_ms_after_compaction: 21,
      section_20_pages_kb: 800,
      section_20_pages_heap_kb: 600,
    });
  });
});

describe('the ratio to the best reference server', () => {
  it('divides by the best reference p99 of the same run', () => {
    const runs = threeServerRuns();
    // run 1: 10 / min(20, 5); run 2: 18 / min(9, 12); run 3: 16 / min(8, 32)
    expect(p99Ratios(runs.servers, 'a')).toEqual([2, 2, 2]);
    expect(p99Ratios(runs.servers, 'c')).toEqual([2, 2, 2]);
  });

  it('has no ratio without a reference server', () => {
    const runs = threeServerRuns();
    expect(p99Ratios({ commonplan: runs.servers.commonplan }, 'a')).toEqual([]);
  });

  it('never takes the socket.io relay for a reference, and gives it a ratio of its own', () => {
    const runs = threeServerRuns();
    runs.servers['socketio-relay'] = {
      a: [
        shapeRun({ p50: 1, p99: 1 }),
        shapeRun({ p50: 1, p99: 4.5 }),
        shapeRun({ p50: 1, p99: 12 }),
      ],
    };
    expect(p99Ratios(runs.servers, 'a')).toEqual([2, 2, 2]);
    expect(p99Ratios(runs.servers, 'a', 'socketio-relay')).toEqual([0.2, 0.5, 1.5]);
    expect(p99Ratios({ 'socketio-relay': runs.servers['socketio-relay'] }, 'a')).toEqual([]);
    const report = summarise(runs, 3);
    expect(report.p99_ratio_to_best_peer.a?.median).toBe(2);
    expect(report.relay_p99_ratio_to_best_peer.a?.median).toBe(0.5);
    expect(report.relay_p99_ratio_to_best_peer.c).toBeUndefined();
    expect(markdownTables(report)).toContain('socket.io relay');
    expect(markdownTables(summarise(threeServerRuns(), 3))).not.toContain('socket.io relay');
  });
});

describe('the targets', () => {
  it('reports each target as met or not against the medians', () => {
    const report = summarise(threeServerRuns(), 3);
    const met = Object.fromEntries(report.targets.map((item) => [item.name, item.met]));
    expect(met).toEqual({
      '(a) propagation p99, Commonplan / best reference server (same run)': false,
      '(c) propagation p99, Commonplan / best reference server (same run)': false,
      '(a) propagation p99': true,
      '(a) durable acknowledgement p99': true,
      '(a) errors': true,
      '(c) updates per second through one API process': true,
      '(d) RSS per idle connection': false,
      'a section of 20 pages of text in memory (live heap)': true,
      'open a section with a 100,000-update log': false,
      'open the same section after compaction': false,
    });
    const ratio = report.targets.find((item) => item.name.startsWith('(a) propagation p99,'));
    expect(ratio).toMatchObject({ value: 2, threshold: 1, comparison: '<=' });
  });

  it('does not count a figure that was not measured, or not validly, as met', () => {
    const runs = threeServerRuns();
    runs.servers.commonplan!.a = runs.servers.commonplan!.a!.map(() =>
      shapeRun({ p50: 1, p99: 1, valid: false }),
    );
    const targets = evaluateTargets(summarise(runs, 3).summary, {}, {});
    expect(targets.find((item) => item.name === '(a) propagation p99')).toMatchObject({
      value: null,
      met: false,
    });
    expect(targets.find((item) => item.name.includes('100,000'))).toMatchObject({ met: false });
  });

  it('meets a target exactly at a "no more than" threshold', () => {
    const targets = evaluateTargets({}, {}, { b: { median: 1, min: 0.8, max: 1.3, runs: 3 } });
    expect(targets[0]).toMatchObject({ name: expect.stringContaining('(b)'), met: true });
  });
});

describe('the Markdown tables', () => {
  it('have a column per server for each shape, the ratio, and the targets', () => {
    const markdown = markdownTables(summarise(threeServerRuns(), 3));
    expect(markdown).toContain('| figure | commonplan | y-websocket | hocuspocus |');
    expect(markdown).toContain(
      '| propagation p99 (ms) | 16.0 (10.0–18.0) | 9.00 (8.00–20.00) | 12.0 (5.0–32.0) |',
    );
    expect(markdown).toContain('Commonplan p99 / best reference p99, same run: 2.00 ×');
    expect(markdown).toContain('| (a) propagation p99 | 16 ms | < 20 ms | yes |');
    expect(markdown).toContain(
      '| open a section with a 100,000-update log | 950 ms | < 150 ms | **no** |',
    );
  });
});
