/**
 * The real-time benchmark. A database and Redis key prefix of its own, one production-mode API,
 * load generators in child processes, and for each shape the median of several runs. Writes
 * bench/results/<date>-collab.json and .md (or --out FILE) and prints the table.
 *
 * Run through `npm run bench:collab` (which builds first): node bench/dist/collab/run-collab-bench.js
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startApiServer, type ApiServer, type ApiServerOptions } from './api-server.js';
import {
  appendUpdates,
  benchPassword,
  createBenchDatabase,
  dropBenchDatabase,
  seedPlan,
  seedSections,
  type BenchDatabase,
} from './bench-database.js';
import { parseBenchOptions } from './bench-options.js';
import { measureIdleCost } from './idle-cost.js';
import { measureLogLoad } from './log-load.js';
import { markdownTable, summarise, type BenchRuns } from './report.js';
import { planEditors, planOneSection, runShape, type ShapeRunResult } from './shape-run.js';
import { startingText, typedHistory } from './section-text.js';
import { round } from './stats.js';
import { defaultRedisUrl, workspaceRoot } from './workspace.js';

function say(message: string): void {
  process.stdout.write(`› ${message}\n`);
}

function describe(run: ShapeRunResult): string {
  const ms = (value: number | null) => (value === null ? '–' : value.toFixed(1));
  return (
    `propagation p50 ${ms(run.propagation.p50)} p99 ${ms(run.propagation.p99)} max ${ms(run.propagation.max)} ms; ` +
    `ack p50 ${ms(run.ack.p50)} p99 ${ms(run.ack.p99)} ms; ${run.updatesPerSecond.toFixed(0)} updates/s; ` +
    `server ${ms(run.serverCpuMsPer1000Updates)} CPU ms/1k; RSS ${run.serverRssMb.toFixed(0)} MB; ` +
    `errors ${run.errorCount}; generators ${run.generatorCpuPercent.map((p) => p.toFixed(0)).join('/')}% CPU` +
    (run.valid ? '' : ' (INVALID: a generator was CPU-bound)')
  );
}

async function cleanRedis(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const redisUrl = process.env.REDIS_URL ?? defaultRedisUrl;
  const redisPrefix = `cp-bench-${randomBytes(4).toString('hex')}:`;
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const started = Date.now();
  let database: BenchDatabase | null = null;
  let db: pg.Client | null = null;
  let server: ApiServer | null = null;
  const runs: BenchRuns = { human: [], burst: [], idle: [], logLoad: [] };
  try {
    say(`Creating the run's database (Redis prefix ${redisPrefix})…`);
    database = await createBenchDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();

    const { human, burst, idle, logLoad } = options;
    const plan = await seedPlan(db, 40);
    const humanSections = await seedSections(db, plan.planId, human.sections, 'Human');
    const burstSections = await seedSections(db, plan.planId, options.runs, 'Burst');
    const idleSections = await seedSections(db, plan.planId, idle.sections * options.runs, 'Idle');
    const [warmSection, ...longSections] = await seedSections(
      db,
      plan.planId,
      options.runs + 1,
      'Long history',
    );
    const text = startingText(4);
    await appendUpdates(db, [
      ...[...humanSections, ...idleSections, warmSection!].map((sectionId) => ({
        sectionId,
        update: text,
      })),
    ]);
    say(
      `Writing ${logLoad.updates.toLocaleString('en-GB')} typed updates into ${longSections.length} section logs…`,
    );
    const history = typedHistory(logLoad.updates);
    for (const sectionId of longSections)
      await appendUpdates(
        db,
        history.map((update) => ({ sectionId, update })),
      );

    const serverOptions: ApiServerOptions = {
      databaseUrl: database.url,
      redisUrl,
      redisPrefix,
      nodeArgs,
    };
    say('Starting the API (production mode)…');
    server = await startApiServer(serverOptions);

    for (let run = 0; run < options.runs; run += 1) {
      say(
        `Run ${run + 1}/${options.runs}: human — ${human.sections} sections × ${human.editorsPerSection} editors at ${human.keystrokesPerSecond} keystrokes/s…`,
      );
      const humanRun = await runShape({
        server,
        plans: planEditors(humanSections, human.editorsPerSection, human.generators, plan.authors),
        task: {
          shape: 'human',
          password: benchPassword,
          keystrokesPerSecond: human.keystrokesPerSecond,
          warmupMs: human.warmupMs,
          measureMs: human.measureMs,
          blockBytes: 0,
          blocksPerEditor: 0,
        },
      });
      runs.human.push(humanRun);
      say(`  ${describe(humanRun)}`);

      say(
        `Run ${run + 1}/${options.runs}: burst — ${burst.editors} editors in one section pasting ${burst.blocksPerEditor} × ${burst.blockBytes} B…`,
      );
      const burstRun = await runShape({
        server,
        plans: planOneSection(burstSections[run]!, burst.editors, burst.generators, plan.authors),
        task: {
          shape: 'burst',
          password: benchPassword,
          keystrokesPerSecond: 0,
          warmupMs: 0,
          measureMs: 0,
          blockBytes: burst.blockBytes,
          blocksPerEditor: burst.blocksPerEditor,
        },
      });
      runs.burst.push(burstRun);
      say(`  ${describe(burstRun)}`);

      say(
        `Run ${run + 1}/${options.runs}: idle — ${idle.connections} connections, ${idle.sections} sections…`,
      );
      const idleRun = await measureIdleCost(
        server,
        plan.authors,
        benchPassword,
        idle.connections,
        idleSections.slice(run * idle.sections, (run + 1) * idle.sections),
      );
      runs.idle.push(idleRun);
      say(
        `  ${idleRun.rssKbPerConnection.toFixed(1)} kB per connection, ${idleRun.rssKbPerSection.toFixed(1)} kB per open section`,
      );
    }
    await server.stop();
    server = null;

    for (let run = 0; run < options.runs; run += 1) {
      say(
        `Run ${run + 1}/${options.runs}: opening a section with ${logLoad.updates.toLocaleString('en-GB')} logged updates…`,
      );
      const loadRun = await measureLogLoad(
        db,
        serverOptions,
        plan.authors[0]!,
        benchPassword,
        warmSection!,
        longSections[run]!,
      );
      runs.logLoad.push(loadRun);
      say(
        `  before compaction ${loadRun.beforeCompactionMs.toFixed(1)} ms (${loadRun.rowsBefore} rows), after ${loadRun.afterCompactionMs.toFixed(1)} ms (${loadRun.rowsAfter} rows)`,
      );
    }

    const { summary, ranges } = summarise(runs, options.runs);
    const date = new Date().toISOString().slice(0, 10);
    const jsonFile = options.out ?? join(workspaceRoot, 'bench/results', `${date}-collab.json`);
    const markdownFile = jsonFile.replace(/\.json$/, '') + '.md';
    const table = markdownTable(summary, ranges);
    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: round(totalmem() / 1024 ** 3, 1),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    };
    mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(
      jsonFile,
      `${JSON.stringify({ date, quick: options.quick, machine, options, summary, ranges, runs }, null, 2)}\n`,
    );
    writeFileSync(
      markdownFile,
      `# Real-time benchmark, ${date}${options.quick ? ' (quick)' : ''}\n\n` +
        `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}. ` +
        `Medians of ${options.runs} runs, min–max in brackets.\n\n${table}`,
    );
    process.stdout.write(`\n${table}\n`);
    say(`Wrote ${jsonFile} and ${markdownFile} in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await server?.stop();
    await db?.end();
    if (database) await dropBenchDatabase(database.name).catch(() => undefined);
    await cleanRedis(redisUrl, redisPrefix).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
