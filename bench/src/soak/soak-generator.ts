/**
 * A soak load generator: a child process of the soak harness driving some of the editors, each a
 * SectionProvider (libs/collab-client) on a socket of its own, signed in with a session cookie like
 * a browser. Each editor types into a paragraph of its own at a steady rate with a deletion now
 * and then, until told to stop; it then waits for every change to be acknowledged and reports.
 */
import { SectionProvider } from '@commonplan/collab-client';
import type * as Y from 'yjs';
import { sleep } from '../collab/clock.js';
import { appendParagraph, contentFragment, nextCharacter } from '../collab/section-text.js';
import type {
  FromSoakGenerator,
  SectionTexts,
  SoakEditorPlan,
  SoakGeneratorStats,
  SoakGeneratorTask,
  ToSoakGenerator,
} from './soak-protocol.js';

interface Editor {
  plan: SoakEditorPlan;
  provider: SectionProvider;
  text: Y.XmlText;
  typed: number;
  /** When each unacknowledged change was made, oldest first: acknowledgements come in order. */
  pending: number[];
  lastCount: number;
  timer?: ReturnType<typeof setInterval>;
}

const maxLatencySamples = 50_000;
const editors: Editor[] = [];
const stats: SoakGeneratorStats = {
  changes: 0,
  deletions: 0,
  acknowledged: 0,
  ackLatencyMs: [],
  ackBuckets: [],
  errors: {},
  unacknowledgedAtEnd: 0,
  cpuMs: 0,
  wallMs: 0,
};
let task: SoakGeneratorTask;
let cpuAtGo: NodeJS.CpuUsage | undefined;
let wallAtGo = 0;

function send(message: FromSoakGenerator): void {
  process.send?.(message);
}

function countError(code: string): void {
  stats.errors[code] = (stats.errors[code] ?? 0) + 1;
}

const bucketMs = 30_000;

function recordLatency(sentAt: number, ms: number): void {
  const index = Math.max(0, Math.floor((sentAt - wallAtGo) / bucketMs));
  for (let i = stats.ackBuckets.length; i <= index; i += 1)
    stats.ackBuckets.push({ count: 0, overOneSecond: 0, maxMs: 0 });
  const bucket = stats.ackBuckets[index]!;
  bucket.count += 1;
  if (ms > 1000) bucket.overOneSecond += 1;
  bucket.maxMs = Math.max(bucket.maxMs, Math.round(ms));
  // Reservoir sampling keeps a fair sample of a long run in bounded memory.
  stats.acknowledged += 1;
  if (stats.ackLatencyMs.length < maxLatencySamples) stats.ackLatencyMs.push(ms);
  else {
    const slot = Math.floor(Math.random() * stats.acknowledged);
    if (slot < maxLatencySamples) stats.ackLatencyMs[slot] = ms;
  }
}

async function openEditor(plan: SoakEditorPlan): Promise<Editor> {
  const cookie = task.cookies[plan.email];
  if (!cookie) throw new Error(`no session for ${plan.email}`);
  const provider = new SectionProvider({
    url: task.url,
    sectionId: plan.sectionId,
    headers: { cookie, origin: task.url },
    user: { name: plan.email, color: '#005eb8' },
    ackTimeoutMs: 30_000,
  });
  const editor: Editor = {
    plan,
    provider,
    text: undefined as unknown as Y.XmlText,
    typed: 0,
    pending: [],
    lastCount: 0,
  };
  provider.on('error', (error) => countError(error.code));
  provider.on('status', (status) => {
    if (status === 'offline' || status === 'refused') countError(`status_${status}`);
  });
  provider.on('unacknowledged', (count) => {
    const now = performance.now();
    for (let acked = editor.lastCount - count; acked > 0 && editor.pending.length > 0; acked -= 1) {
      const sentAt = editor.pending.shift()!;
      recordLatency(sentAt, now - sentAt);
    }
    editor.lastCount = count;
  });
  await provider.synced();
  editor.text = appendParagraph(provider.doc);
  await provider.saved();
  editor.pending.length = 0;
  editor.lastCount = provider.unacknowledged;
  return editor;
}

function keystroke(editor: Editor): void {
  editor.pending.push(performance.now());
  stats.changes += 1;
  const length = editor.text.length;
  if (length > 0 && Math.random() * task.deleteOneIn < 1) {
    editor.text.delete(length - 1, 1);
    stats.deletions += 1;
    return;
  }
  if (editor.typed > 0 && editor.typed % 400 === 0)
    editor.text = appendParagraph(editor.provider.doc);
  else editor.text.insert(length, nextCharacter(editor.typed));
  editor.typed += 1;
}

async function setup(given: SoakGeneratorTask): Promise<void> {
  task = given;
  // Open ten at a time so a large generator does not stampede the API's sign-in checks.
  for (let first = 0; first < task.editors.length; first += 10)
    editors.push(...(await Promise.all(task.editors.slice(first, first + 10).map(openEditor))));
}

function go(): void {
  cpuAtGo = process.cpuUsage();
  wallAtGo = performance.now();
  const [min, max] = task.keystrokesPerSecond;
  for (const editor of editors) {
    const interval = 1000 / (min + Math.random() * (max - min));
    setTimeout(() => {
      if (stopping) return;
      keystroke(editor);
      editor.timer = setInterval(() => keystroke(editor), interval);
    }, Math.random() * interval);
  }
}

let stopping = false;

async function stop(): Promise<SoakGeneratorStats> {
  stopping = true;
  for (const editor of editors) clearInterval(editor.timer);
  await Promise.race([
    Promise.all(editors.map((editor) => editor.provider.saved())),
    sleep(60_000),
  ]);
  stats.unacknowledgedAtEnd = editors.reduce((sum, e) => sum + e.provider.unacknowledged, 0);
  const cpu = process.cpuUsage(cpuAtGo);
  stats.cpuMs = (cpu.user + cpu.system) / 1000;
  stats.wallMs = performance.now() - wallAtGo;
  return stats;
}

function texts(): SectionTexts {
  const result: SectionTexts = {};
  for (const editor of editors)
    (result[editor.plan.sectionId] ??= []).push(
      editor.provider.doc.getXmlFragment(contentFragment).toString(),
    );
  return result;
}

function fail(error: unknown): void {
  send({
    type: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}

process.on('message', (message: ToSoakGenerator) => {
  switch (message.type) {
    case 'setup':
      setup(message.task).then(() => send({ type: 'ready' }), fail);
      break;
    case 'go':
      go();
      send({ type: 'going' });
      break;
    case 'stop':
      stop().then((result) => send({ type: 'stopped', stats: result }), fail);
      break;
    case 'texts':
      send({ type: 'texts', texts: texts() });
      break;
    case 'close':
      for (const editor of editors) editor.provider.destroy();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
