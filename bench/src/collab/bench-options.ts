/**
 * The bench's command line: `--quick`, `--out FILE`, `--runs N`, `--servers a,b`, `--shapes a,c`,
 * `--generator-cpu-limit PERCENT`.
 */
import {
  defaultServers,
  serverKinds,
  shapeKeys,
  type ServerKind,
  type ShapeKey,
} from './generator-protocol.js';
import { defaultGeneratorCpuLimitPercent } from './shape-run.js';

export interface TypingLoad {
  sections: number;
  editorsPerSection: number;
  generators: number;
  keystrokesPerSecond: number;
  warmupMs: number;
  measureMs: number;
}

export interface BenchOptions {
  quick: boolean;
  out: string | null;
  runs: number;
  servers: ServerKind[];
  shapes: ShapeKey[];
  /** A run whose busiest generator used more of a core than this is invalid. */
  generatorCpuLimitPercent: number;
  /** (a) many sections, a few editors each, typing. */
  a: TypingLoad;
  /** (b) one section, many editors typing. */
  b: TypingLoad;
  /** (c) editors in one section pasting blocks as fast as acknowledgements allow. */
  c: { editors: number; generators: number; blockBytes: number; blocksPerEditor: number };
  /** (d) idle connections, then load (a). */
  d: { idleConnections: number; idleGenerators: number };
  /** Commonplan only: opening sections with long logs, and a long section's memory. */
  logLoad: { updates: number[] };
  longSection: { words: number; sections: number };
}

function list<T extends string>(value: string, allowed: readonly T[], what: string): T[] {
  const items = value.split(',').map((item) => item.trim()) as T[];
  for (const item of items)
    if (!allowed.includes(item))
      throw new Error(`unknown ${what} ${item} (choose from ${allowed.join(', ')})`);
  return allowed.filter((item) => items.includes(item));
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  let quick = false;
  let out: string | null = null;
  let runs = 3;
  let servers: ServerKind[] = [...defaultServers];
  let shapes: ShapeKey[] = [...shapeKeys];
  let generatorCpuLimitPercent = defaultGeneratorCpuLimitPercent;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg];
    const value = () => {
      const given = inline ?? argv[++i];
      if (given === undefined) throw new Error(`${name} needs a value`);
      return given;
    };
    if (name === '--quick') quick = true;
    else if (name === '--out') out = value();
    else if (name === '--runs') runs = Number(value());
    else if (name === '--servers') servers = list(value(), serverKinds, 'server');
    else if (name === '--shapes') shapes = list(value(), shapeKeys, 'shape');
    else if (name === '--generator-cpu-limit') generatorCpuLimitPercent = Number(value());
    else
      throw new Error(
        `unknown option ${arg} (use --quick, --out FILE, --runs N, --servers LIST, --shapes LIST, --generator-cpu-limit PERCENT)`,
      );
  }
  if (!Number.isInteger(runs) || runs < 3 || runs > 9)
    throw new Error('--runs must be a whole number from 3 to 9: each figure is a median of runs');
  if (!(generatorCpuLimitPercent > 0 && generatorCpuLimitPercent <= 100))
    throw new Error(
      '--generator-cpu-limit must be a percentage of one core, above 0 and up to 100',
    );
  if (servers.length === 0 || shapes.length === 0)
    throw new Error('--servers and --shapes need at least one item');
  const typing = (sections: number, editorsPerSection: number, generators: number) => ({
    sections,
    editorsPerSection,
    generators,
    keystrokesPerSecond: 5,
    warmupMs: quick ? 1_000 : 3_000,
    measureMs: quick ? 3_000 : 15_000,
  });
  return {
    quick,
    out,
    runs,
    servers,
    shapes,
    generatorCpuLimitPercent,
    a: typing(quick ? 12 : 50, 4, quick ? 2 : 4),
    b: typing(1, 50, 2),
    c: { editors: 20, generators: 2, blockBytes: 2_048, blocksPerEditor: quick ? 20 : 100 },
    d: { idleConnections: 500, idleGenerators: 2 },
    // Quick mode opens only the 100,000-update log, the one the targets are set for.
    logLoad: { updates: quick ? [100_000] : [10_000, 100_000] },
    longSection: { words: 10_000, sections: quick ? 4 : 8 },
  };
}
