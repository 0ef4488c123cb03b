/** Shape runs with chosen figures, for the report's and the chart's specs. */
import type { ShapeRunResult } from './shape-run.js';

export function shapeRun(figures: {
  p50: number;
  p99: number;
  ack99?: number;
  updatesPerSecond?: number;
  valid?: boolean;
  errors?: number;
  idleKb?: number | null;
}): ShapeRunResult {
  return {
    editors: 200,
    idleConnections: figures.idleKb === undefined ? 0 : 500,
    rssKbPerIdleConnection: figures.idleKb ?? null,
    generators: 4,
    windowMs: 15_000,
    propagation: { count: 1000, p50: figures.p50, p99: figures.p99, max: figures.p99 * 2 },
    ack: { count: 1000, p50: figures.p50 * 2, p99: figures.ack99 ?? figures.p99 * 2, max: 500 },
    undelivered: 0,
    updates: 15_000,
    updatesPerSecond: figures.updatesPerSecond ?? 1000,
    serverCpuMs: 7_000,
    serverCpuMsPer1000Updates: 466,
    serverCpuWaitPercent: 12,
    serverRssMb: 200,
    errors: figures.errors ? { update_refused: figures.errors } : {},
    errorCount: figures.errors ?? 0,
    generatorCpuPercent: [20, figures.valid === false ? 97 : 25],
    valid: figures.valid ?? true,
    loadAverage: 1.5,
  };
}
