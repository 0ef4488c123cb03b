/**
 * One run of a load shape: generators set up their editors, all start together, and afterwards
 * their records are joined into latencies, throughput and the server's cost.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processCpuMs, processRssKb, type ApiServer } from './api-server.js';
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
export const generatorCpuLimitPercent = 85;

export interface ShapeRunResult {
  editors: number;
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
  serverRssMb: number;
  errors: Record<string, number>;
  errorCount: number;
  generatorCpuPercent: number[];
  valid: boolean;
}

/** Splits editors among generators, whole sections each, and people so no one exceeds `perUser`. */
export function planEditors(
  sectionIds: string[],
  editorsPerSection: number,
  generators: number,
  authors: string[],
  perUser = 10,
): EditorPlan[][] {
  const plans: EditorPlan[][] = Array.from({ length: generators }, () => []);
  const perGenerator = Math.ceil((sectionIds.length * editorsPerSection) / generators);
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
  perUser = 10,
): EditorPlan[][] {
  const plans: EditorPlan[][] = Array.from({ length: generators }, () => []);
  for (let e = 0; e < editors; e += 1) {
    const user = Math.floor(e / perUser);
    if (!authors[user]) throw new Error(`need more authors than ${authors.length}`);
    plans[e % generators]!.push({ email: authors[user], sectionId, editorsInSection: editors });
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
  server: ApiServer;
  plans: EditorPlan[][];
  task: Omit<GeneratorTask, 'editors' | 'baseUrl'>;
}

export async function runShape({ server, plans, task }: ShapeRunOptions): Promise<ShapeRunResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'commonplan-bench-'));
  const generators = plans.map(
    (_, index) => new GeneratorProcess(`${task.shape} generator ${index}`),
  );
  try {
    await Promise.all(
      generators.map((generator, index) =>
        generator.request(
          { type: 'setup', task: { ...task, baseUrl: server.baseUrl, editors: plans[index]! } },
          'ready',
        ),
      ),
    );
    await sleep(500);
    const startAt = wallClockMs() + 500;
    const windowStart = task.shape === 'human' ? startAt + task.warmupMs : startAt;
    const sent = Promise.all(
      generators.map((generator) => generator.request({ type: 'go', startAt }, 'sent', 300_000)),
    );
    await sleep(windowStart - wallClockMs());
    const cpuAtStart = processCpuMs(server.pid);
    let cpuAtEnd: number;
    let rssKb: number;
    let windowEnd: number;
    if (task.shape === 'human') {
      windowEnd = windowStart + task.measureMs;
      await sleep(windowEnd - wallClockMs());
      cpuAtEnd = processCpuMs(server.pid);
      rssKb = processRssKb(server.pid);
      await sent;
    } else {
      await sent;
      windowEnd = wallClockMs();
      cpuAtEnd = processCpuMs(server.pid);
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
      task.shape === 'human'
        ? task.measureMs
        : Math.max(...acks.map((ack) => ack[1])) - Math.min(...acks.map((ack) => ack[0]));
    const serverCpuMs = cpuAtEnd - cpuAtStart;
    const generatorCpuPercent = collected.map((reply) => reply.cpuPercent);
    return {
      editors: plans.reduce((sum, plan) => sum + plan.length, 0),
      generators: generators.length,
      windowMs,
      propagation: distribution(latencies),
      ack: distribution(acks.map(([sentAt, ackedAt]) => ackedAt - sentAt)),
      undelivered,
      updates: acks.length,
      updatesPerSecond: (acks.length * 1000) / windowMs,
      serverCpuMs,
      serverCpuMsPer1000Updates: acks.length ? (serverCpuMs * 1000) / acks.length : null,
      serverRssMb: rssKb / 1024,
      errors,
      errorCount: Object.values(errors).reduce((sum, count) => sum + count, 0),
      generatorCpuPercent,
      valid: generatorCpuPercent.every((percent) => percent <= generatorCpuLimitPercent),
    };
  } finally {
    await Promise.all(generators.map((generator) => generator.close()));
    rmSync(scratch, { recursive: true, force: true });
  }
}
