/**
 * One run of a load shape against one server: generators set up their editors, all start together,
 * and afterwards their records are joined into latencies, throughput and the server's cost. With
 * idle connections (shape d), those are opened first by generators of their own, and the growth of
 * the server's resident memory they cause is measured before the editors start.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { processCpuMs, processRssKb, processRunQueueWaitMs } from './api-server.js';
import type { BenchServer } from './bench-server.js';
import { sleep, wallClockMs } from './clock.js';
import type {
  EditorPlan,
  GeneratorResult,
  GeneratorTask,
  SentChange,
} from './generator-protocol.js';
import { GeneratorProcess } from './generator-process.js';
import { distribution, type Distribution } from './stats.js';

/** A generator using more of a core than this may have delayed what it measured. */
export const defaultGeneratorCpuLimitPercent = 85;

/** A run is valid when no generator came near saturating a core. */
export function generatorsValid(cpuPercent: number[], limitPercent: number): boolean {
  return cpuPercent.every((percent) => percent <= limitPercent);
}

export interface ShapeRunResult {
  editors: number;
  idleConnections: number;
  /** Growth of the server's RSS per idle connection (shape d), kB. */
  rssKbPerIdleConnection: number | null;
  generators: number;
  windowMs: number;
  propagation: Distribution;
  ack: Distribution;
  /** Deliveries to other editors that never arrived. */
  undelivered: number;
  updates: number;
  updatesPerSecond: number;
  serverCpuMs: number;
  serverCpuMsPer1000Updates: number | null;
  /** The server's event loop waiting, runnable, for a CPU: % of the window (null if unknown). */
  serverCpuWaitPercent: number | null;
  serverRssMb: number;
  errors: Record<string, number>;
  errorCount: number;
  generatorCpuPercent: number[];
  valid: boolean;
  /**
   * The machine's one-minute load average at the end of the window. Above the number of cores,
   * other work was competing with the run: its figures are valid but slower than the code is.
   */
  loadAverage: number;
}

/** How many people the run signs in to edit: enough for the full shape (a) at ten connections each. */
export const editingPeople = 30;

/** Settling time before and after opening idle connections, so their memory shows in RSS. */
const idleSettleMs = 2_000;

/**
 * Splits editors among generators, whole sections each, and people so no one exceeds `perUser`.
 * With `seedText`, the first editor of each section writes its starting text.
 */
export function planEditors(
  sectionIds: string[],
  editorsPerSection: number,
  generators: number,
  authors: string[],
  seedText: boolean,
  perUser = 10,
): EditorPlan[][] {
  const plans: EditorPlan[][] = Array.from({ length: generators }, () => []);
  const perGenerator = Math.ceil(sectionIds.length / generators) * editorsPerSection;
  const usersPerGenerator = Math.max(editorsPerSection, Math.ceil(perGenerator / perUser));
  if (usersPerGenerator * generators > authors.length)
    throw new Error(`need ${usersPerGenerator * generators} authors, have ${authors.length}`);
  sectionIds.forEach((sectionId, sectionIndex) => {
    const generator = sectionIndex % generators;
    for (let e = 0; e < editorsPerSection; e += 1) {
      const local = plans[generator]!.length;
      const user = generator * usersPerGenerator + (local % usersPerGenerator);
      plans[generator]!.push({
        email: authors[user]!,
        sectionId,
        editorsInSection: editorsPerSection,
        seedText: seedText && e === 0,
      });
    }
  });
  return plans;
}

/** Splits the editors of one section among generators, people taken in turn. */
export function planOneSection(
  sectionId: string,
  editors: number,
  generators: number,
  authors: string[],
  seedText: boolean,
  perUser = 10,
): EditorPlan[][] {
  const plans: EditorPlan[][] = Array.from({ length: generators }, () => []);
  for (let e = 0; e < editors; e += 1) {
    const user = Math.floor(e / perUser);
    if (!authors[user]) throw new Error(`need more authors than ${authors.length}`);
    plans[e % generators]!.push({
      email: authors[user],
      sectionId,
      editorsInSection: editors,
      seedText: seedText && e === 0,
    });
  }
  return plans;
}

function joinPropagation(results: GeneratorResult[]): {
  latencies: number[];
  expected: number;
} {
  const byClient = new Map<number, SentChange[]>();
  let expected = 0;
  for (const result of results)
    for (const sent of result.sends) {
      expected += sent[3];
      let list = byClient.get(sent[0]);
      if (!list) byClient.set(sent[0], (list = []));
      list.push(sent);
    }
  for (const list of byClient.values()) list.sort((a, b) => a[1] - b[1]);
  const latencies: number[] = [];
  for (const result of results)
    for (const [clientId, from, to, arrivedAt] of result.arrivals) {
      const list = byClient.get(clientId);
      if (!list) continue;
      let low = 0;
      let high = list.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (list[middle]![1] < from) low = middle + 1;
        else high = middle;
      }
      for (let i = low; i < list.length && list[i]![1] < to; i += 1)
        latencies.push(arrivedAt - list[i]![2]);
    }
  return { latencies, expected };
}

export interface ShapeRunOptions {
  server: BenchServer;
  plans: EditorPlan[][];
  task: Omit<GeneratorTask, 'editors' | 'url' | 'server' | 'idleConnections' | 'idleEmails'>;
  /** Shape d: idle connections, held by generators of their own, each signed in as `emails`. */
  idle?: { connections: number; generators: number; emails: string[][] };
  generatorCpuLimitPercent: number;
}

export async function runShape({
  server,
  plans,
  task,
  idle,
  generatorCpuLimitPercent,
}: ShapeRunOptions): Promise<ShapeRunResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'commonplan-bench-'));
  const label = `${server.kind} ${task.mode}`;
  const generators = plans.map((_, index) => new GeneratorProcess(`${label} generator ${index}`));
  const idleHolders = Array.from(
    { length: idle?.generators ?? 0 },
    (_, index) => new GeneratorProcess(`${label} idle connections ${index}`),
  );
  const base = { ...task, url: server.url, server: server.kind };
  try {
    let rssKbPerIdleConnection: number | null = null;
    if (idle && idle.connections > 0) {
      await sleep(idleSettleMs);
      const before = processRssKb(server.pid);
      const share = Math.ceil(idle.connections / idleHolders.length);
      await Promise.all(
        idleHolders.map((holder, index) =>
          holder.request(
            {
              type: 'setup',
              task: {
                ...base,
                editors: [],
                idleConnections: Math.min(share, idle.connections - share * index),
                idleEmails: idle.emails[index] ?? [],
              },
            },
            'ready',
            300_000,
          ),
        ),
      );
      await sleep(idleSettleMs);
      rssKbPerIdleConnection = (processRssKb(server.pid) - before) / idle.connections;
    }
    await Promise.all(
      generators.map((generator, index) =>
        generator.request(
          {
            type: 'setup',
            task: { ...base, editors: plans[index]!, idleConnections: 0, idleEmails: [] },
          },
          'ready',
          300_000,
        ),
      ),
    );
    await sleep(500);
    const startAt = wallClockMs() + 500;
    const windowStart = task.mode === 'typing' ? startAt + task.warmupMs : startAt;
    const sent = Promise.all(
      generators.map((generator) => generator.request({ type: 'go', startAt }, 'sent', 300_000)),
    );
    await sleep(windowStart - wallClockMs());
    const cpuAtStart = processCpuMs(server.pid);
    const waitAtStart = processRunQueueWaitMs(server.pid);
    let waitAtEnd: number | null;
    let cpuAtEnd: number;
    let rssKb: number;
    let windowEnd: number;
    if (task.mode === 'typing') {
      windowEnd = windowStart + task.measureMs;
      await sleep(windowEnd - wallClockMs());
      cpuAtEnd = processCpuMs(server.pid);
      waitAtEnd = processRunQueueWaitMs(server.pid);
      rssKb = processRssKb(server.pid);
      await sent;
    } else {
      await sent;
      windowEnd = wallClockMs();
      cpuAtEnd = processCpuMs(server.pid);
      waitAtEnd = processRunQueueWaitMs(server.pid);
      rssKb = processRssKb(server.pid);
    }
    await sleep(500);
    const files = generators.map((_, index) => join(scratch, `generator-${index}.json`));
    const collected = await Promise.all(
      generators.map((generator, index) =>
        generator.request({ type: 'collect', resultFile: files[index]! }, 'collected'),
      ),
    );
    const results = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as GeneratorResult);

    const { latencies, expected } = joinPropagation(results);
    const acks = results.flatMap((result) => result.acks);
    const errors: Record<string, number> = {};
    for (const result of results)
      for (const [code, count] of Object.entries(result.errors))
        errors[code] = (errors[code] ?? 0) + count;
    const undelivered = Math.max(0, expected - latencies.length);
    if (undelivered > 0) errors.undelivered = undelivered;
    const windowMs =
      task.mode === 'typing'
        ? task.measureMs
        : Math.max(...acks.map((ack) => ack[1])) - Math.min(...acks.map((ack) => ack[0]));
    const serverCpuMs = cpuAtEnd - cpuAtStart;
    const generatorCpuPercent = collected.map((reply) => reply.cpuPercent);
    return {
      editors: plans.reduce((sum, plan) => sum + plan.length, 0),
      idleConnections: idle?.connections ?? 0,
      rssKbPerIdleConnection,
      generators: generators.length,
      windowMs,
      propagation: distribution(latencies),
      ack: distribution(acks.map(([sentAt, ackedAt]) => ackedAt - sentAt)),
      undelivered,
      updates: acks.length,
      updatesPerSecond: (acks.length * 1000) / windowMs,
      serverCpuMs,
      serverCpuMsPer1000Updates: acks.length ? (serverCpuMs * 1000) / acks.length : null,
      serverCpuWaitPercent:
        waitAtStart === null || waitAtEnd === null
          ? null
          : ((waitAtEnd - waitAtStart) * 100) / (windowEnd - windowStart),
      serverRssMb: rssKb / 1024,
      errors,
      errorCount: Object.values(errors).reduce((sum, count) => sum + count, 0),
      generatorCpuPercent,
      valid: generatorsValid(generatorCpuPercent, generatorCpuLimitPercent),
      loadAverage: loadavg()[0]!,
    };
  } finally {
    await Promise.all([...generators, ...idleHolders].map((generator) => generator.close()));
    rmSync(scratch, { recursive: true, force: true });
  }
}
