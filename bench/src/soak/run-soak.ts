/**
 * The soak test (`npm run test:soak`): many editors typing into the sections of one plan for
 * minutes on end through the real API and worker, with a draft asked for every minute. Passes if
 * nothing went wrong (no socket error events or refusals, no failed drafts, no process exits),
 * memory stayed flat after warm-up, and every client of a section ended with the same text as the
 * others and as the server and PostgreSQL hold. Runs on a database and Redis prefix of its own,
 * both removed at the end. Not part of `npm test`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SectionProvider } from '@commonplan/collab-client';
import { Redis } from 'ioredis';
import pg from 'pg';
import * as Y from 'yjs';
import { processRssKb, signIn, startApiServer, type ApiServer } from '../collab/api-server.js';
import {
  benchPassword,
  createBenchDatabase,
  dropBenchDatabase,
  seedPlan,
  seedSections,
} from '../collab/bench-database.js';
import { sleep } from '../collab/clock.js';
import { GeneratorProcess } from '../collab/generator-process.js';
import { contentFragment } from '../collab/section-text.js';
import { distribution } from '../collab/stats.js';
import { startWorker, type WorkerProcess } from '../collab/worker-process.js';
import { defaultRedisUrl, workspaceRoot } from '../collab/workspace.js';
import { requestDraftAndWait } from '../drafts/draft-request.js';
import { parseSoakOptions, type SoakOptions } from './soak-options.js';
import type {
  FromSoakGenerator,
  SectionTexts,
  SoakEditorPlan,
  SoakGeneratorStats,
  ToSoakGenerator,
} from './soak-protocol.js';
import {
  flatGrowthMb,
  flatSlopeMbPerMinute,
  isFlat,
  memoryTrend,
  renderMarkdown,
  renderMemoryChart,
  type Criterion,
  type MemorySample,
  type SoakResult,
} from './soak-report.js';

type SoakGenerator = GeneratorProcess<ToSoakGenerator, FromSoakGenerator>;

const generatorScript = fileURLToPath(new URL('./soak-generator.js', import.meta.url));
const sampleEveryMs = 5_000;
/** The API's live heap is read after a full collection, so less often than RSS. */
const heapEveryMs = 30_000;
const keystrokesPerSecond: [number, number] = [1, 2];
const deleteOneIn = 12;
/** Connections each account holds at most; below the API's default limit of 20 per person. */
const editorsPerAccount = 15;

function say(message: string): void {
  process.stdout.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function outputPaths(options: SoakOptions, at: string) {
  const json = options.out
    ? isAbsolute(options.out)
      ? options.out
      : join(process.cwd(), options.out)
    : join(workspaceRoot, 'bench/results', `${at.slice(0, 10)}-soak.json`);
  const stem = json.replace(/\.json$/, '');
  return { json, markdown: `${stem}.md`, svg: `${stem}.svg` };
}

/** The section's text as PostgreSQL holds it: the snapshot with the update log applied. */
async function storedText(db: pg.Client, sectionId: string): Promise<string> {
  const doc = new Y.Doc();
  const { rows: snapshots } = await db.query<{ snapshot: Buffer | null }>(
    'SELECT snapshot FROM section_documents WHERE section_id = $1',
    [sectionId],
  );
  if (snapshots[0]?.snapshot) Y.applyUpdate(doc, snapshots[0].snapshot);
  const { rows } = await db.query<{ update: Buffer }>(
    'SELECT update FROM section_updates WHERE section_id = $1 ORDER BY seq',
    [sectionId],
  );
  for (const row of rows) Y.applyUpdate(doc, row.update);
  const text = doc.getXmlFragment(contentFragment).toString();
  doc.destroy();
  return text;
}

/** The section's text as a client opening it now receives it from the server. */
async function freshClientText(url: string, cookie: string, sectionId: string): Promise<string> {
  const provider = new SectionProvider({
    url,
    sectionId,
    headers: { cookie, origin: url },
    user: { name: 'Soak checker', color: '#007f3b' },
  });
  try {
    await Promise.race([
      provider.synced(),
      sleep(30_000).then(() => {
        throw new Error(`a fresh client of section ${sectionId} did not sync in 30 s`);
      }),
    ]);
    return provider.doc.getXmlFragment(contentFragment).toString();
  } finally {
    provider.destroy();
  }
}

async function removeRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) removed += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}

/** The API's live heap in MiB; rejects if the API does not answer within 10 s (e.g. it exited). */
async function liveHeapMb(api: ApiServer): Promise<number> {
  const kb = await Promise.race([
    api.heapUsedKb(),
    sleep(10_000).then(() => {
      throw new Error('the API did not answer the heap probe in 10 s');
    }),
  ]);
  return kb / 1024;
}

function mergeBuckets(stats: SoakGeneratorStats[]): SoakResult['typing']['ackByHalfMinute'] {
  const merged: SoakResult['typing']['ackByHalfMinute'] = [];
  for (const { ackBuckets } of stats)
    ackBuckets.forEach((bucket, index) => {
      merged[index] ??= { fromS: index * 30, count: 0, overOneSecond: 0, maxMs: 0 };
      merged[index].count += bucket.count;
      merged[index].overOneSecond += bucket.overOneSecond;
      merged[index].maxMs = Math.max(merged[index].maxMs, bucket.maxMs);
    });
  return merged.filter(Boolean);
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [code, count] of Object.entries(from)) into[code] = (into[code] ?? 0) + count;
}

async function main(): Promise<void> {
  const options = parseSoakOptions(process.argv.slice(2));
  const at = new Date().toISOString();
  const paths = outputPaths(options, at);
  const loadAverageStart = loadavg();
  const redisUrl = process.env.REDIS_URL ?? defaultRedisUrl;
  const redisPrefix = `commonplan-soak-${randomBytes(3).toString('hex')}:`;
  say(
    `${options.editors} editors over ${options.sections} sections for ${options.minutes} min, ` +
      `${options.generators} generators; load average ${loadAverageStart.map((v) => v.toFixed(2)).join(' ')}`,
  );
  const database = await createBenchDatabase();
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  let api: ApiServer | undefined;
  let worker: WorkerProcess | undefined;
  const generators: SoakGenerator[] = [];
  const errors: Record<string, number> = {};
  let stopping = false;
  let passed = false;
  try {
    // One account per section at least, and few enough connections per account.
    const accounts = Math.max(options.sections, Math.ceil(options.editors / editorsPerAccount));
    const seeded = await seedPlan(db, accounts + 1);
    const leadEmail = seeded.authors[accounts]!;
    await db.query(
      `UPDATE memberships SET role = 'lead'
        WHERE footprint_id = $1 AND user_id = (SELECT id FROM users WHERE email = $2)`,
      [seeded.footprintId, leadEmail],
    );
    const sectionIds = await seedSections(db, seeded.planId, options.sections, 'Soak section');

    const env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix };
    api = await startApiServer({
      databaseUrl: database.url,
      redisUrl,
      redisPrefix,
      heapProbe: true,
    });
    worker = await startWorker(env);
    api.process.once('exit', (code, signal) => {
      if (!stopping) errors.api_exited = 1;
      if (!stopping) say(`the API exited (${code ?? signal})`);
    });
    worker.process.once('exit', (code, signal) => {
      if (!stopping) errors.worker_exited = 1;
      if (!stopping) say(`the worker exited (${code ?? signal})`);
    });
    say(`API ${api.baseUrl} (pid ${api.pid}), worker pid ${worker.pid}, database ${database.name}`);

    const cookies: Record<string, string> = {};
    for (const email of seeded.authors)
      cookies[email] = await signIn(api.baseUrl, email, benchPassword);
    const leadCookie = cookies[leadEmail]!;

    // Editor i works in section i mod S; a section's editors are spread over the generators so
    // every change crosses processes, and over the accounts so none holds too many connections.
    const plans: SoakEditorPlan[][] = Array.from({ length: options.generators }, () => []);
    for (let i = 0; i < options.editors; i += 1) {
      const round = Math.floor(i / options.sections);
      plans[round % options.generators]!.push({
        sectionId: sectionIds[i % options.sections]!,
        email: seeded.authors[i % accounts]!,
      });
    }
    for (let g = 0; g < options.generators; g += 1) {
      const generator: SoakGenerator = new GeneratorProcess(
        `soak generator ${g + 1}`,
        generatorScript,
      );
      generator.onExit((code) => {
        if (!stopping) errors.generator_exited = (errors.generator_exited ?? 0) + 1;
        if (!stopping) say(`${generator.name} exited (${code})`);
      });
      generators.push(generator);
    }
    say('opening the editors…');
    await Promise.all(
      generators.map((generator, g) =>
        generator.request(
          {
            type: 'setup',
            task: {
              url: api!.baseUrl,
              cookies,
              editors: plans[g]!,
              keystrokesPerSecond,
              deleteOneIn,
            },
          },
          'ready',
          300_000,
        ),
      ),
    );

    // Typing starts; memory is read every few seconds, a draft asked for every minute.
    const apiSamples: MemorySample[] = [];
    const workerSamples: MemorySample[] = [];
    const drafts: SoakResult['drafts'] = [];
    const draftsInFlight: Array<Promise<void>> = [];
    const durationMs = options.minutes * 60_000;
    await Promise.all(generators.map((generator) => generator.request({ type: 'go' }, 'going')));
    const started = performance.now();
    say('typing');
    let nextSample = 0;
    let nextHeap = 0;
    let nextDraft = 30_000;
    let lastReport = 0;
    // A line of progress a minute.
    for (;;) {
      const elapsed = performance.now() - started;
      if (elapsed >= durationMs) break;
      if (elapsed >= nextSample) {
        nextSample += sampleEveryMs;
        const atS = elapsed / 1000;
        try {
          const apiSample: MemorySample = { atS, rssMb: processRssKb(api.pid) / 1024 };
          if (elapsed >= nextHeap) {
            nextHeap += heapEveryMs;
            apiSample.heapMb = await liveHeapMb(api);
          }
          apiSamples.push(apiSample);
          workerSamples.push({ atS, rssMb: processRssKb(worker.pid) / 1024 });
        } catch (error) {
          errors.memory_unreadable = (errors.memory_unreadable ?? 0) + 1;
          say(`could not read memory: ${(error as Error).message}`);
        }
      }
      if (elapsed >= nextDraft) {
        const number = drafts.length + 1;
        const entry: SoakResult['drafts'][number] = {
          label: `Soak draft ${number}`,
          atS: Math.round(elapsed / 1000),
          readyMs: null,
          words: null,
        };
        drafts.push(entry);
        nextDraft += 60_000;
        draftsInFlight.push(
          requestDraftAndWait(api.baseUrl, leadCookie, seeded.planId, entry.label, {
            pollMs: 500,
          }).then(
            (ready) => {
              entry.readyMs = Math.round(ready.readyMs);
              entry.words = ready.words;
              say(`${entry.label} ready in ${entry.readyMs} ms (${ready.words} words)`);
            },
            (error: Error) => {
              entry.error = error.message;
              say(`${entry.label} failed: ${error.message}`);
            },
          ),
        );
      }
      if (elapsed - lastReport >= 60_000) {
        lastReport += 60_000;
        const last = apiSamples[apiSamples.length - 1];
        say(
          `${(elapsed / 60_000).toFixed(1)} min: API RSS ${last?.rssMb.toFixed(0) ?? '?'} MiB, ` +
            `load average ${loadavg()[0]!.toFixed(2)}`,
        );
      }
      await sleep(Math.max(50, Math.min(nextSample, nextDraft) - (performance.now() - started)));
    }

    say('stopping the typing and waiting for every acknowledgement…');
    const generatorStats: SoakGeneratorStats[] = (
      await Promise.all(
        generators.map((generator) => generator.request({ type: 'stop' }, 'stopped', 120_000)),
      )
    ).map((message) => message.stats);
    const typedS = (performance.now() - started) / 1000;
    await Promise.all(draftsInFlight);
    const endSample = (performance.now() - started) / 1000;
    apiSamples.push({
      atS: endSample,
      rssMb: processRssKb(api.pid) / 1024,
      heapMb: await liveHeapMb(api),
    });
    workerSamples.push({ atS: endSample, rssMb: processRssKb(worker.pid) / 1024 });

    // Every change is acknowledged; give the last broadcasts a moment to land, then compare.
    await sleep(3_000);
    const texts: SectionTexts = {};
    for (const generator of generators) {
      const answer = await generator.request({ type: 'texts' }, 'texts');
      for (const [sectionId, list] of Object.entries(answer.texts))
        (texts[sectionId] ??= []).push(...list);
    }
    say('comparing every client with a fresh client and with PostgreSQL…');
    const mismatches: string[] = [];
    for (const [index, sectionId] of sectionIds.entries()) {
      const clients = texts[sectionId] ?? [];
      const fresh = await freshClientText(api.baseUrl, leadCookie, sectionId);
      const stored = await storedText(db, sectionId);
      const differing = clients.filter((text) => text !== fresh).length;
      if (clients.length === 0) mismatches.push(`section ${index + 1}: no clients`);
      if (differing > 0)
        mismatches.push(
          `section ${index + 1}: ${differing} of ${clients.length} clients differ from the server`,
        );
      if (stored !== fresh)
        mismatches.push(`section ${index + 1}: PostgreSQL differs from the server`);
    }

    for (const stats of generatorStats) {
      addCounts(errors, stats.errors);
      if (stats.unacknowledgedAtEnd > 0)
        errors.unacknowledged_at_end =
          (errors.unacknowledged_at_end ?? 0) + stats.unacknowledgedAtEnd;
    }
    const changes = generatorStats.reduce((sum, s) => sum + s.changes, 0);
    const latency = distribution(generatorStats.flatMap((s) => s.ackLatencyMs));
    const apiTrend = memoryTrend(apiSamples);
    const workerTrend = memoryTrend(workerSamples);
    const failedDrafts = drafts.filter((d) => d.error !== undefined);
    const errorTotal = Object.values(errors).reduce((sum, n) => sum + n, 0);
    const criteria: Criterion[] = [
      {
        name: 'No errors',
        pass: errorTotal === 0,
        detail:
          errorTotal === 0
            ? 'no socket error events, refusals, disconnects, unacknowledged changes or process exits'
            : Object.entries(errors)
                .map(([code, n]) => `${code}: ${n}`)
                .join(', '),
      },
      {
        name: 'Drafts ready',
        pass: drafts.length > 0 && failedDrafts.length === 0,
        detail: `${drafts.length - failedDrafts.length} of ${drafts.length} drafts ready${
          failedDrafts.length ? ` (${failedDrafts.map((d) => d.error).join('; ')})` : ''
        }`,
      },
      {
        name: 'Memory flat after warm-up',
        pass: isFlat(apiTrend) && isFlat(workerTrend),
        detail:
          `RSS slope over the second half: API ${apiTrend.secondHalfSlopeMbPerMinute.toFixed(2)}, ` +
          `worker ${workerTrend.secondHalfSlopeMbPerMinute.toFixed(2)} MiB/min (limit ${flatSlopeMbPerMinute} MiB/min, ` +
          `or under ${flatGrowthMb} MiB of growth over the ${apiTrend.secondHalfMinutes.toFixed(1)} min)`,
      },
      {
        name: 'Every client converged',
        pass: mismatches.length === 0,
        detail:
          mismatches.length === 0
            ? `all ${options.editors} clients of ${options.sections} sections match a fresh client and PostgreSQL`
            : mismatches.slice(0, 5).join('; '),
      },
    ];
    passed = criteria.every((c) => c.pass);
    const result: SoakResult = {
      at,
      command: `npm run test:soak -- --minutes ${options.minutes} --editors ${options.editors} --sections ${options.sections} --generators ${options.generators}`,
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model,
        loadAverageStart,
        loadAverageEnd: loadavg(),
      },
      options: {
        minutes: options.minutes,
        editors: options.editors,
        sections: options.sections,
        generators: options.generators,
      },
      typing: {
        changes,
        deletions: generatorStats.reduce((sum, s) => sum + s.deletions, 0),
        updatesPerSecond: changes / typedS,
        ackLatencyMs: { p50: latency.p50, p99: latency.p99, max: latency.max },
        generatorCpuPercent: generatorStats.map((s) => (s.cpuMs / s.wallMs) * 100),
        ackByHalfMinute: mergeBuckets(generatorStats),
      },
      drafts,
      memory: {
        api: apiTrend,
        worker: workerTrend,
        samples: { api: apiSamples, worker: workerSamples },
      },
      errors,
      convergence: {
        sections: options.sections,
        converged: options.sections - new Set(mismatches.map((m) => m.split(':')[0])).size,
        mismatches,
      },
      criteria,
      pass: passed,
    };
    mkdirSync(dirname(paths.json), { recursive: true });
    writeFileSync(paths.json, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(
      paths.svg,
      renderMemoryChart(result, `Soak test: memory over ${options.minutes} min`),
    );
    writeFileSync(paths.markdown, renderMarkdown(result, basename(paths.svg)));
    process.stdout.write(`\n${renderMarkdown(result, basename(paths.svg))}`);
    say(`written to ${paths.json}, ${basename(paths.markdown)} and ${basename(paths.svg)}`);
  } finally {
    stopping = true;
    await Promise.all(generators.map((generator) => generator.close()));
    await worker?.stop();
    await api?.stop();
    await db.end();
    await dropBenchDatabase(database.name);
    const removed = await removeRedisKeys(redisUrl, redisPrefix).catch(() => 0);
    say(`removed database ${database.name} and ${removed} Redis keys under ${redisPrefix}`);
  }
  say(passed ? 'PASS' : 'FAIL');
  process.exitCode = passed ? 0 : 1;
}

await main();
