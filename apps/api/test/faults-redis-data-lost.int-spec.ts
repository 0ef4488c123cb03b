import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftExportSummary, DraftSummary } from '@commonplan/domain';
import { paragraphsToJson } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  startPrivateRedis,
  unique,
  type PrivateRedis,
  type RunningApi,
  type TestUser,
} from '@commonplan/testing';
import { Queue } from 'bullmq';
import type pg from 'pg';
import { writeText } from './draft-test-support.js';
import { startTimeoutMs, waitUntil } from './fault-test-kit.js';

useOwnDatabase();

/**
 * Redis restarted without persistence, so everything it held is gone: the queued jobs and the job
 * schedulers. PostgreSQL still says which drafts and exports are waiting, and the worker's
 * reconciliation gives each its job again (at its start, and when its connection comes back), so
 * each is made, once, and the repeatable jobs are scheduled again.
 */

let redis: PrivateRedis;
let db: pg.Client;
let api: RunningApi;
let worker: RunningApi;
let lead: TestUser;
let planId: string;
let env: Record<string, string>;
const prefix = `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}redis-lost-${unique()}:`;
const schedulerNames = [
  'sessions.purge',
  'dashboard.daily-words',
  'draft-schedules.run',
  'consultation.contacts-erase',
];

beforeAll(async () => {
  redis = await startPrivateRedis({ persistent: false });
  db = await connectTestDatabase();
  const make = factories(db);
  lead = await make.aUser();
  const footprint = await make.aFootprint({ members: { lead: [lead] } });
  planId = (await make.aPlan(footprint.id)).id;
  for (let i = 0; i < 2; i += 1) {
    const section = await make.aSection(planId, { title: `Section ${i + 1}` });
    await writeText(db, section.id, paragraphsToJson([`Section text ${i + 1}.`]));
  }
  env = {
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    DRAFTS_PAUSE_PER_SECTION_MS: '500',
    DRAFTS_JOB_LOCK_MS: '8000',
    DRAFTS_RETRY_DELAY_MS: '50',
    DRAFT_SCHEDULES_CHECK_SECONDS: '1',
  };
  [api, worker] = await Promise.all([
    startApi({ env, timeoutMs: startTimeoutMs }),
    startApi({ entry: 'worker', env, timeoutMs: startTimeoutMs }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await redis?.close();
  await db?.end();
});

async function statusOf(table: 'plan_drafts' | 'draft_exports', id: string): Promise<string> {
  const { rows } = await db.query<{ status: string }>(`SELECT status FROM ${table} WHERE id = $1`, [
    id,
  ]);
  return rows[0]!.status;
}

async function readyNotices(draftId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications WHERE draft_id = $1 AND kind = 'draft_ready'`,
    [draftId],
  );
  return rows[0]!.n;
}

/** Redis stopped and started again with nothing it held. */
async function loseRedisData(): Promise<void> {
  await redis.stop();
  await redis.start();
}

async function withQueues<T>(
  use: (queues: { drafts: Queue; exports: Queue; maintenance: Queue }) => Promise<T>,
): Promise<T> {
  const open = (name: string) =>
    new Queue(name, { connection: { url: redis.url }, prefix: `${prefix}bull` });
  const queues = {
    drafts: open('drafts'),
    exports: open('exports'),
    maintenance: open('maintenance'),
  };
  try {
    return await use(queues);
  } finally {
    await Promise.all(Object.values(queues).map((queue) => queue.close()));
  }
}

const reconciled = (reason: string) => (line: Record<string, unknown>) =>
  line.event === 'jobs_reconciled' && line.reason === reason;

describe('Redis restarted without its data', () => {
  let client: ApiClient;
  let ready: DraftSummary;

  beforeAll(async () => {
    client = await signedIn(new ApiClient(api.baseUrl), lead);
    ready = (await client.post<DraftSummary>(`/api/plans/${planId}/drafts`, { label: 'First' }))
      .body;
    await waitUntil(async () => (await statusOf('plan_drafts', ready.id)) === 'ready', 20_000);
  });

  it('drafts and exports queued while no worker ran are made once by the worker that starts after', async () => {
    expect(await worker.stop()).toBe(0);
    const draft = (
      await client.post<DraftSummary>(`/api/plans/${planId}/drafts`, { label: 'Queued' })
    ).body;
    const draftExport = (
      await client.post<DraftExportSummary>(`/api/drafts/${ready.id}/exports`, { format: 'docx' })
    ).body;
    expect([draft.status, draftExport.status]).toEqual(['queued', 'queued']);

    await loseRedisData();
    await withQueues(async ({ drafts, exports, maintenance }) => {
      expect(await drafts.getJobState(`draft-${draft.id}`)).toBe('unknown');
      expect(await exports.getJobState(`export-${ready.id}-docx`)).toBe('unknown');
      expect(await maintenance.getJobSchedulersCount()).toBe(0);
    });

    worker = await startApi({ entry: 'worker', env, timeoutMs: startTimeoutMs });
    await waitUntil(
      async () =>
        (await statusOf('plan_drafts', draft.id)) === 'ready' &&
        (await statusOf('draft_exports', draftExport.id)) === 'ready',
      20_000,
      () => JSON.stringify(worker.logs.filter((l) => l.event).slice(-5)),
    );
    expect(worker.logs.find(reconciled('start'))?.requeued).toEqual({ drafts: 1, exports: 1 });
    expect(await readyNotices(draft.id)).toBe(1);
    await withQueues(async ({ drafts, exports, maintenance }) => {
      expect((await drafts.getJob(`draft-${draft.id}`))?.returnvalue).toEqual({
        sections: 2,
        words: expect.any(Number),
      });
      expect((await exports.getJob(`export-${ready.id}-docx`))?.returnvalue).toEqual({
        bytes: expect.any(Number),
      });
      expect((await maintenance.getJobSchedulers()).map((s) => s.key).sort()).toEqual(
        [...schedulerNames].sort(),
      );
    });
  }, 40_000);

  it('a draft being made when Redis loses its data is queued again when the worker reconnects, and made once', async () => {
    const draft = (
      await client.post<DraftSummary>(`/api/plans/${planId}/drafts`, { label: 'Being made' })
    ).body;
    await waitUntil(async () => {
      const { rows } = await db.query<{ sections_done: number }>(
        'SELECT sections_done FROM plan_drafts WHERE id = $1',
        [draft.id],
      );
      return rows[0]!.sections_done >= 1;
    }, 20_000);
    const logsAtLoss = worker.logs.length;
    await loseRedisData();

    await waitUntil(
      async () => (await statusOf('plan_drafts', draft.id)) === 'ready',
      20_000,
      () => JSON.stringify(worker.logs.slice(logsAtLoss).filter((l) => l.event)),
    );
    expect(await readyNotices(draft.id)).toBe(1);
    const after = worker.logs.slice(logsAtLoss);
    const mended = after.find(reconciled('reconnected'));
    expect(mended?.requeued).toEqual({ drafts: 1 });
    expect((mended?.schedulers as string[]).sort()).toEqual([...schedulerNames].sort());
    // The repeatable jobs run again.
    await waitUntil(
      () =>
        worker.logs
          .slice(logsAtLoss)
          .some((l) => l.msg === 'job done' && l.job === 'draft-schedules.run'),
      10_000,
    );
  }, 40_000);
});
