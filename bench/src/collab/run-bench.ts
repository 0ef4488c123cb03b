/**
 * The side-by-side real-time benchmark: Commonplan (the real API: signed-in sessions, durable
 * group-committed persistence, Redis adapter; one process) against the y-websocket reference server
 * and Hocuspocus, under identical load on 127.0.0.1. A database and Redis key prefix of its own;
 * each server in a process of its own, started fresh for each run of each shape; load generators
 * in child processes; every figure the median of several runs. Writes bench/results/<date>.json,
 * .md and .svg (or --out FILE) and prints the tables.
 *
 * Run through `npm run bench` (which builds first): node bench/dist/collab/run-bench.js
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { signIn, type ApiServerOptions } from './api-server.js';
import {
  appendUpdates,
  benchPassword,
  createBenchDatabase,
  dropBenchDatabase,
  seedPlan,
  seedSections,
  type BenchDatabase,
} from './bench-database.js';
import { hocuspocusTable } from './hocuspocus-table.js';
import { parseBenchOptions, type BenchOptions, type TypingLoad } from './bench-options.js';
import { startBenchServer, type BenchServer, type BenchServerOptions } from './bench-server.js';
import type { EditorPlan, ServerKind, ShapeKey } from './generator-protocol.js';
import { measureLogLoad } from './log-load.js';
import { markdownTables, summarise, type BenchRuns } from './report.js';
import { peerVersions } from './peer-versions.js';
import { measureSectionMemory } from './section-memory.js';
import { startingText, typedHistory, typedSectionState } from './section-text.js';
import {
  editingPeople,
  planEditors,
  planOneSection,
  runShape,
  type ShapeRunResult,
} from './shape-run.js';
import { round } from './stats.js';
import { renderSvgChart, serverNames } from './svg-chart.js';
import { defaultRedisUrl, workspaceRoot } from './workspace.js';

const benchStarted = Date.now();

function say(message: string): void {
  const seconds = Math.round((Date.now() - benchStarted) / 1000);
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  process.stdout.write(`› [${clock}] ${message}\n`);
}

function describe(run: ShapeRunResult): string {
  const ms = (value: number | null) => (value === null ? '–' : value.toFixed(1));
  return (
    `propagation p50 ${ms(run.propagation.p50)} p99 ${ms(run.propagation.p99)} max ${ms(run.propagation.max)} ms; ` +
    `ack p50 ${ms(run.ack.p50)} p99 ${ms(run.ack.p99)} ms; ${run.updatesPerSecond.toFixed(0)} updates/s; ` +
    `server ${ms(run.serverCpuMsPer1000Updates)} CPU ms/1k; RSS ${run.serverRssMb.toFixed(0)} MiB` +
    (run.rssKbPerIdleConnection === null
      ? ''
      : `, ${run.rssKbPerIdleConnection.toFixed(1)} KiB per idle connection`) +
    `; errors ${run.errorCount}${run.errorCount ? ` ${JSON.stringify(run.errors)}` : ''}; generators ${run.generatorCpuPercent.map((p) => p.toFixed(0)).join('/')}% CPU` +
    `; load average ${run.loadAverage.toFixed(1)}` +
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

/** Sections of each shape and run, seeded for Commonplan; the reference servers use the same ids. */
type ShapeSections = Record<ShapeKey, string[][]>;

async function seedShapeSections(
  db: pg.Client,
  planId: string,
  options: BenchOptions,
): Promise<ShapeSections> {
  const sections = {} as ShapeSections;
  const counts: Record<ShapeKey, number> = {
    a: options.a.sections,
    b: 1,
    c: 1,
    d: options.a.sections,
  };
  for (const shape of options.shapes) {
    sections[shape] = [];
    for (let run = 0; run < options.runs; run += 1)
      sections[shape].push(
        await seedSections(db, planId, counts[shape], `Shape ${shape} run ${run + 1}`),
      );
  }
  const text = startingText(4);
  await appendUpdates(
    db,
    Object.values(sections)
      .flat(2)
      .map((sectionId) => ({ sectionId, update: text })),
  );
  return sections;
}

/** Makes `copies` sections whose logs hold the same `updates` typed updates, copied in SQL. */
async function seedLongLogs(
  db: pg.Client,
  planId: string,
  updates: number,
  copies: number,
): Promise<string[]> {
  const [template, ...sections] = await seedSections(
    db,
    planId,
    copies + 1,
    `Log of ${updates} updates`,
  );
  const history = typedHistory(updates);
  await appendUpdates(
    db,
    history.map((update) => ({ sectionId: template!, update })),
  );
  for (const sectionId of sections)
    await db.query(
      `INSERT INTO section_updates (section_id, update)
       SELECT $1, update FROM section_updates WHERE section_id = $2 ORDER BY seq`,
      [sectionId, template],
    );
  return sections;
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const commonplanExtras =
    options.servers.includes('commonplan') &&
    !process.argv.some((arg) => arg.startsWith('--shapes'));
  const redisUrl = process.env.REDIS_URL ?? defaultRedisUrl;
  const redisPrefix = `cp-bench-${randomBytes(4).toString('hex')}:`;
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const started = Date.now();
  let database: BenchDatabase | null = null;
  let db: pg.Client | null = null;
  let server: BenchServer | null = null;
  const runs: BenchRuns = { servers: {}, logLoad: {}, sectionMemory: [] };
  const persistence: Partial<Record<ServerKind, string>> = {};
  // Interrupted (Ctrl-C): stop the server and remove the database and Redis keys all the same.
  let interrupted = false;
  const interrupt = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    say(`${signal}: stopping the server and removing the run's database…`);
    void cleanUp().finally(() => process.exit(130));
  };
  const cleanUp = async () => {
    await server?.stop().catch(() => undefined);
    await db?.end().catch(() => undefined);
    if (database) await dropBenchDatabase(database.name).catch(() => undefined);
    await cleanRedis(redisUrl, redisPrefix).catch(() => undefined);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    say(`Creating the run's database (Redis prefix ${redisPrefix})…`);
    database = await createBenchDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();

    const plan = await seedPlan(db, 100);
    const shapeSections = await seedShapeSections(db, plan.planId, options);
    const [warmSection] = await seedSections(db, plan.planId, 1, 'Warm-up');
    await appendUpdates(db, [{ sectionId: warmSection!, update: startingText(4) }]);

    const apiOptions: ApiServerOptions = {
      databaseUrl: database.url,
      redisUrl,
      redisPrefix,
      nodeArgs,
    };
    const serverOptions: BenchServerOptions = {
      commonplan: apiOptions,
      hocuspocusDatabaseUrl: database.url,
    };
    // People: the first 30 edit (in (a) and (d) up to 10 connections each, as many as the full
    // shape's generators need), the next 50 hold (d)'s idle connections (10 each).
    const editors = plan.authors.slice(0, editingPeople);
    const idlePeople = plan.authors.slice(editingPeople, editingPeople + 50);
    const sessions: Record<string, string> = {};
    const typingTask = (load: TypingLoad) => ({
      mode: 'typing' as const,
      cookies: sessions,
      keystrokesPerSecond: load.keystrokesPerSecond,
      warmupMs: load.warmupMs,
      measureMs: load.measureMs,
      blockBytes: 0,
      blocksPerEditor: 0,
    });

    // Commonplan alone first: long logs and a long section's memory.
    if (commonplanExtras) {
      for (const updates of options.logLoad.updates) {
        say(
          `Writing ${options.runs} section logs of ${updates.toLocaleString('en-GB')} typed updates…`,
        );
        const longSections = await seedLongLogs(db, plan.planId, updates, options.runs);
        runs.logLoad[updates] = [];
        for (let run = 0; run < options.runs; run += 1) {
          say(
            `Run ${run + 1}/${options.runs}: opening a section with ${updates.toLocaleString('en-GB')} logged updates…`,
          );
          const loadRun = await measureLogLoad(
            db,
            apiOptions,
            plan.authors[0]!,
            benchPassword,
            warmSection!,
            longSections[run]!,
          );
          runs.logLoad[updates].push(loadRun);
          say(
            `  before compaction ${loadRun.beforeCompactionMs.toFixed(1)} ms (${loadRun.rowsBefore} rows), after ${loadRun.afterCompactionMs.toFixed(1)} ms (${loadRun.rowsAfter} rows)`,
          );
        }
      }
      const { words, sections: count } = options.longSection;
      say(
        `Writing ${count * options.runs} sections of ${words.toLocaleString('en-GB')} typed words…`,
      );
      const state = typedSectionState(words);
      const longSections = await seedSections(db, plan.planId, count * options.runs, '20 pages');
      await appendUpdates(
        db,
        longSections.map((sectionId) => ({ sectionId, update: state })),
      );
      for (let run = 0; run < options.runs; run += 1) {
        say(`Run ${run + 1}/${options.runs}: opening ${count} sections of about 20 pages each…`);
        const memory = await measureSectionMemory(
          apiOptions,
          plan.authors[0]!,
          benchPassword,
          warmSection!,
          longSections.slice(run * count, (run + 1) * count),
        );
        runs.sectionMemory.push(memory);
        say(
          `  ${memory.heapKbPerSection.toFixed(0)} KiB live heap, ${memory.rssKbPerSection.toFixed(0)} KiB RSS growth per section (${memory.characters.toLocaleString('en-GB')} characters of markup each, ${state.length.toLocaleString('en-GB')} B as one update)`,
        );
      }
    }

    for (let run = 0; run < options.runs; run += 1)
      for (const shape of options.shapes)
        for (const kind of options.servers) {
          const seedText = kind !== 'commonplan';
          const sections = shapeSections[shape][run]!;
          let plans: EditorPlan[][];
          let label: string;
          if (shape === 'a' || shape === 'd') {
            plans = planEditors(
              sections,
              options.a.editorsPerSection,
              options.a.generators,
              editors,
              seedText,
            );
            label = `${options.a.sections} sections × ${options.a.editorsPerSection} editors at ${options.a.keystrokesPerSecond} keystrokes/s`;
            if (shape === 'd') label = `${options.d.idleConnections} idle connections + ${label}`;
          } else if (shape === 'b') {
            plans = planOneSection(
              sections[0]!,
              options.b.editorsPerSection,
              options.b.generators,
              editors,
              seedText,
            );
            label = `one section × ${options.b.editorsPerSection} editors at ${options.b.keystrokesPerSecond} keystrokes/s`;
          } else {
            plans = planOneSection(
              sections[0]!,
              options.c.editors,
              options.c.generators,
              editors,
              seedText,
            );
            label = `${options.c.editors} editors in one section pasting ${options.c.blocksPerEditor} × ${options.c.blockBytes} B`;
          }
          say(`Run ${run + 1}/${options.runs}, (${shape}) ${kind}: ${label}…`);
          server = await startBenchServer(kind, serverOptions);
          persistence[kind] = server.persistence;
          if (kind === 'commonplan' && Object.keys(sessions).length === 0) {
            const url = server.url;
            const people = [...editors, ...idlePeople];
            const cookies = await Promise.all(
              people.map((email) => signIn(url, email, benchPassword)),
            );
            people.forEach((email, index) => (sessions[email] = cookies[index]!));
          }
          const idleShare = Math.ceil(idlePeople.length / options.d.idleGenerators);
          const result = await runShape({
            server,
            plans,
            task:
              shape === 'c'
                ? {
                    mode: 'burst',
                    cookies: sessions,
                    keystrokesPerSecond: 0,
                    warmupMs: 0,
                    measureMs: 0,
                    blockBytes: options.c.blockBytes,
                    blocksPerEditor: options.c.blocksPerEditor,
                  }
                : typingTask(shape === 'b' ? options.b : options.a),
            idle:
              shape === 'd'
                ? {
                    connections: options.d.idleConnections,
                    generators: options.d.idleGenerators,
                    emails: Array.from({ length: options.d.idleGenerators }, (_, index) =>
                      idlePeople.slice(index * idleShare, (index + 1) * idleShare),
                    ),
                  }
                : undefined,
            generatorCpuLimitPercent: options.generatorCpuLimitPercent,
          });
          await server.stop();
          server = null;
          const byShape = (runs.servers[kind] ??= {});
          (byShape[shape] ??= []).push(result);
          say(`  ${describe(result)}`);
        }

    if (persistence.hocuspocus?.startsWith('PostgreSQL')) {
      const { rows } = await db.query<{ n: number; bytes: number }>(
        `SELECT count(*)::int AS n, COALESCE(sum(length(data)), 0)::int AS bytes FROM ${hocuspocusTable}`,
      );
      persistence.hocuspocus += `; ${rows[0]!.n} documents stored by the end, ${rows[0]!.bytes.toLocaleString('en-GB')} B in all`;
    }

    const report = summarise(runs, options.runs);
    const date = new Date().toISOString().slice(0, 10);
    const jsonFile = options.out ?? join(workspaceRoot, 'bench/results', `${date}.json`);
    const stem = jsonFile.replace(/\.json$/, '');
    const markdownFile = `${stem}.md`;
    const svgFile = `${stem}.svg`;
    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: round(totalmem() / 1024 ** 3, 1),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    };
    const versions = peerVersions();
    const title = `Real-time benchmark, ${date}${options.quick ? ' (quick)' : ''}: ${options.servers.map((kind) => serverNames[kind]).join(', ')}`;
    const busiest = Math.max(
      0,
      ...Object.values(runs.servers).flatMap((byShape) =>
        Object.values(byShape).flatMap((list) => list.map((run) => run.loadAverage)),
      ),
    );
    const busyNote =
      busiest > machine.cpus
        ? `\n\n**The machine was busy with other work** (one-minute load average up to ${busiest.toFixed(1)} on ${machine.cpus} cores): every server was slowed by it, so compare them with each other, not with the targets.`
        : '';
    const tables = markdownTables(report);
    const persistenceLines = Object.entries(persistence)
      .map(([kind, where]) => `- ${kind} ${versions[kind] ?? ''}: ${where}`)
      .join('\n');
    mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(
      jsonFile,
      `${JSON.stringify(
        {
          date,
          quick: options.quick,
          machine,
          versions,
          persistence,
          options,
          summary: report.summary,
          commonplan: report.commonplan,
          p99_ratio_to_best_peer: report.p99_ratio_to_best_peer,
          relay_p99_ratio_to_best_peer: report.relay_p99_ratio_to_best_peer,
          targets: report.targets,
          ranges: report.ranges,
          commonplan_ranges: report.commonplan_ranges,
          runs,
        },
        null,
        2,
      )}\n`,
    );
    writeFileSync(
      markdownFile,
      `# ${title}\n\n` +
        `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}. ` +
        `Medians of the valid runs out of ${options.runs}, min–max in brackets.${busyNote}\n\nServers:\n\n${persistenceLines}\n\n` +
        `![chart](${svgFile.split('/').pop()})\n\n${tables}`,
    );
    writeFileSync(svgFile, renderSvgChart(report, title));
    process.stdout.write(`\n${persistenceLines}${busyNote}\n\n${tables}\n`);
    say(
      `Wrote ${jsonFile}, ${markdownFile} and ${svgFile} in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } finally {
    if (!interrupted) await cleanUp();
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
