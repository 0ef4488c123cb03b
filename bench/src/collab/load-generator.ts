/**
 * A load generator: a child process of the harness driving several editors, each a client of the
 * server under test on a connection of its own (for Commonplan a SectionProvider signed in over
 * REST like a browser; see bench-clients.ts). It records when each measured change was
 * made, when the server acknowledged it as durable, and when other editors' changes arrived here;
 * the harness joins these across generators. It also reports its own CPU use, so a run where the
 * generator rather than the server was the bottleneck can be thrown out.
 */
import { writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { openBenchClient, openIdleConnection, type BenchClient } from './bench-clients.js';
import { sleep, wallClockMs } from './clock.js';
import type {
  Arrival,
  EditorPlan,
  FromGenerator,
  GeneratorResult,
  GeneratorTask,
  SentChange,
  ToGenerator,
} from './generator-protocol.js';
import { appendParagraph, nextCharacter, proseBlock, startingText } from './section-text.js';

interface PendingAck {
  sentAt: number;
  measured: boolean;
}

interface Editor {
  plan: EditorPlan;
  provider: BenchClient;
  text: Y.XmlText;
  typed: number;
  /** Changes sent and not yet acknowledged, oldest first: acknowledgements come in order. */
  pending: PendingAck[];
  /** The provider's count of unacknowledged changes when it last reported it. */
  lastCount: number;
}

const sends: SentChange[] = [];
const arrivals: Arrival[] = [];
const acks: Array<[number, number]> = [];
const errors: Record<string, number> = {};
const editors: Editor[] = [];
const idleClosers: Array<() => void> = [];
let task: GeneratorTask;
/** Arrivals before this time are not recorded (nothing measured was sent before it). */
let recordArrivalsFrom = Number.POSITIVE_INFINITY;
let cpuAtGo: NodeJS.CpuUsage | null = null;
let wallAtGo = 0;

function send(message: FromGenerator): void {
  process.send?.(message);
}

function countError(code: string): void {
  errors[code] = (errors[code] ?? 0) + 1;
}

async function openEditor(plan: EditorPlan, cookie: string | undefined): Promise<Editor> {
  const provider = openBenchClient({
    server: task.server,
    url: task.url,
    sectionId: plan.sectionId,
    cookie,
    name: plan.email,
  });
  const editor: Editor = {
    plan,
    provider,
    text: undefined as unknown as Y.XmlText,
    typed: 0,
    pending: [],
    lastCount: 0,
  };
  provider.onError((code) => countError(code));
  provider.onAcknowledged((count) => {
    const now = wallClockMs();
    for (let acked = editor.lastCount - count; acked > 0 && editor.pending.length > 0; acked -= 1) {
      const sent = editor.pending.shift()!;
      if (sent.measured) acks.push([sent.sentAt, now]);
    }
    editor.lastCount = count;
  });
  provider.doc.on(
    'update',
    (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      // Only what came from the server: local changes are made in local transactions.
      if (transaction.local) return;
      const arrivedAt = wallClockMs();
      if (arrivedAt < recordArrivalsFrom) return;
      const meta = Y.parseUpdateMeta(update);
      for (const [clientId, from] of meta.from)
        arrivals.push([clientId, from, meta.to.get(clientId) ?? from, arrivedAt]);
    },
  );
  await provider.synced();
  if (plan.seedText) Y.applyUpdate(provider.doc, startingText(4));
  // Each editor types into a paragraph of its own, as people usually do.
  editor.text = appendParagraph(provider.doc);
  await provider.saved();
  editor.pending.length = 0;
  editor.lastCount = provider.unacknowledged;
  return editor;
}

/** Makes one change through `change`, noting when and where its structs start. */
function change(editor: Editor, measured: boolean, makeChange: () => void): void {
  const doc = editor.provider.doc;
  const sentAt = wallClockMs();
  if (measured)
    sends.push([
      doc.clientID,
      Y.getState(doc.store, doc.clientID),
      sentAt,
      editor.plan.editorsInSection - 1,
    ]);
  editor.pending.push({ sentAt, measured });
  makeChange();
}

function keystroke(editor: Editor, measured: boolean): void {
  change(editor, measured, () => {
    if (editor.typed > 0 && editor.typed % 400 === 0)
      editor.text = appendParagraph(editor.provider.doc);
    else editor.text.insert(editor.text.length, nextCharacter(editor.typed));
    editor.typed += 1;
  });
}

async function allSaved(timeoutMs: number): Promise<void> {
  await Promise.race([
    Promise.all(editors.map((editor) => editor.provider.saved())),
    sleep(timeoutMs),
  ]);
  const unsaved = editors.reduce((sum, editor) => sum + editor.provider.unacknowledged, 0);
  if (unsaved > 0) errors.unacknowledged_at_end = unsaved;
}

async function runTyping(startAt: number): Promise<void> {
  const windowStart = startAt + task.warmupMs;
  const windowEnd = windowStart + task.measureMs;
  recordArrivalsFrom = windowStart;
  const interval = 1000 / task.keystrokesPerSecond;
  await sleep(Math.max(0, startAt - wallClockMs()));
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  for (const editor of editors) {
    const phase = Math.random() * interval;
    timers.push(
      setTimeout(() => {
        const tick = () => {
          const now = wallClockMs();
          keystroke(editor, now >= windowStart && now < windowEnd);
        };
        tick();
        timers.push(setInterval(tick, interval));
      }, phase),
    );
  }
  await sleep(Math.max(0, windowEnd - wallClockMs()));
  for (const timer of timers) clearTimeout(timer);
  await allSaved(20_000);
}

async function runBurst(startAt: number): Promise<void> {
  recordArrivalsFrom = startAt;
  await sleep(Math.max(0, startAt - wallClockMs()));
  await Promise.all(
    editors.map(async (editor, index) => {
      for (let block = 0; block < task.blocksPerEditor; block += 1) {
        const text = proseBlock(task.blockBytes, `[${index}:${block}]`);
        change(editor, true, () => {
          editor.text = appendParagraph(editor.provider.doc, text);
        });
        await editor.provider.saved();
      }
    }),
  );
  await allSaved(20_000);
}

async function setup(given: GeneratorTask): Promise<void> {
  task = given;
  const cookies = new Map(Object.entries(task.cookies));
  if (task.server === 'commonplan')
    for (const email of [...task.editors.map((plan) => plan.email), ...task.idleEmails])
      if (!cookies.has(email)) throw new Error(`no session for ${email}`);
  // Idle connections open fifty at a time.
  for (let first = 0; first < task.idleConnections; first += 50) {
    const batch = Array.from(
      { length: Math.min(50, task.idleConnections - first) },
      (_, offset) => task.idleEmails[(first + offset) % Math.max(1, task.idleEmails.length)],
    );
    idleClosers.push(
      ...(await Promise.all(
        batch.map((email) =>
          openIdleConnection(task.server, task.url, email ? cookies.get(email) : undefined),
        ),
      )),
    );
  }
  const opened = await Promise.all(
    task.editors.map((plan) => openEditor(plan, cookies.get(plan.email))),
  );
  editors.push(...opened);
}

async function go(startAt: number): Promise<void> {
  cpuAtGo = process.cpuUsage();
  wallAtGo = wallClockMs();
  if (task.mode === 'typing') await runTyping(startAt);
  else await runBurst(startAt);
}

function collect(resultFile: string): number {
  const cpu = process.cpuUsage(cpuAtGo ?? undefined);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const wallMs = wallClockMs() - wallAtGo;
  const result: GeneratorResult = { sends, arrivals, acks, errors, cpuMs, wallMs };
  writeFileSync(resultFile, JSON.stringify(result));
  return (cpuMs / wallMs) * 100;
}

function fail(error: unknown): void {
  send({
    type: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}

// y-websocket's provider adds a process exit listener per editor.
process.setMaxListeners(0);

process.on('message', (message: ToGenerator) => {
  switch (message.type) {
    case 'setup':
      setup(message.task).then(() => send({ type: 'ready' }), fail);
      break;
    case 'go':
      go(message.startAt).then(() => send({ type: 'sent' }), fail);
      break;
    case 'collect':
      try {
        send({ type: 'collected', cpuPercent: collect(message.resultFile) });
      } catch (error) {
        fail(error);
      }
      break;
    case 'close':
      for (const editor of editors) editor.provider.destroy();
      for (const close of idleClosers) close();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
