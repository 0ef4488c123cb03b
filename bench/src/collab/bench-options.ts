/** The bench's command line: `--quick`, `--out FILE`, `--runs N`. */
export interface BenchOptions {
  quick: boolean;
  out: string | null;
  runs: number;
  human: {
    sections: number;
    editorsPerSection: number;
    generators: number;
    keystrokesPerSecond: number;
    warmupMs: number;
    measureMs: number;
  };
  burst: { editors: number; generators: number; blockBytes: number; blocksPerEditor: number };
  idle: { connections: number; sections: number };
  logLoad: { updates: number };
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  let quick = false;
  let out: string | null = null;
  let runs = 3;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--out') out = argv[++i] ?? null;
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg === '--runs') runs = Number(argv[++i]);
    else if (arg.startsWith('--runs=')) runs = Number(arg.slice('--runs='.length));
    else throw new Error(`unknown option ${arg} (use --quick, --out FILE, --runs N)`);
  }
  if (!Number.isInteger(runs) || runs < 3 || runs > 9)
    throw new Error('--runs must be a whole number from 3 to 9: each figure is a median of runs');
  return {
    quick,
    out,
    runs,
    human: {
      sections: quick ? 12 : 50,
      editorsPerSection: 4,
      generators: quick ? 2 : 4,
      keystrokesPerSecond: 5,
      warmupMs: quick ? 2_000 : 5_000,
      measureMs: quick ? 8_000 : 30_000,
    },
    burst: {
      editors: 20,
      generators: 2,
      blockBytes: 2_048,
      blocksPerEditor: quick ? 30 : 100,
    },
    idle: { connections: quick ? 100 : 200, sections: quick ? 25 : 50 },
    logLoad: { updates: 10_000 },
  };
}
