import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftSummary, DraftView } from '@commonplan/domain';
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
import {
  destroyProviders,
  missingAndDuplicated,
  sleep,
  startTimeoutMs,
  Typist,
  waitUntil,
} from './fault-test-kit.js';

useOwnDatabase();

/**
 * Redis itself stopped and started again, persisting as production Redis must (append-only file,
 * written before each answer), under two API instances and a worker while two people type in one
 * section, one on each instance. Editing goes on and is acknowledged throughout (it needs only
 * PostgreSQL), each instance passes on the other's edits again by itself, drafts asked for before
 * and after are each made once, asking for work while Redis is down is refused at once, and the
 * worker's repeatable jobs run again afterwards.
 */

let redis: PrivateRedis;
let db: pg.Client;
let first: RunningApi;
let second: RunningApi;
let worker: RunningApi;
let lead: TestUser;
let planId: string;
let smallPlanId: string;
const sectionIds: string[] = [];
const prefix = `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}redis-restart-${unique()}:`;

beforeAll(async () => {
  redis = await startPrivateRedis({ persistent: true });
  db = await connectTestDatabase();
  const make = factories(db);
  lead = await make.aUser();
  const footprint = await make.aFootprint({ members: { lead: [lead] } });
  planId = (await make.aPlan(footprint.id)).id;
  for (let i = 0; i < 3; i += 1) {
    const section = await make.aSection(planId, { title: `Section ${i + 1}` });
    await writeText(db, section.id, paragraphsToJson([`Opening text ${i + 1}.`]));
    sectionIds.push(section.id);
  }
  smallPlanId = (await make.aPlan(footprint.id)).id;
  const only = await make.aSection(smallPlanId, { title: 'Only section' });
  await writeText(db, only.id, paragraphsToJson(['A short plan.']));
  const env = {
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    DRAFTS_PAUSE_PER_SECTION_MS: '600',
    // Longer than the restart, as the 30-second default is.
    DRAFTS_JOB_LOCK_MS: '8000',
    DRAFTS_RETRY_DELAY_MS: '50',
    // Repeatable jobs often enough to see them run again after the restart.
    DRAFT_SCHEDULES_CHECK_SECONDS: '1',
    DASHBOARD_WORDS_EVERY_SECONDS: '1',
  };
  [first, second, worker] = await Promise.all([
    startApi({ env, timeoutMs: startTimeoutMs }),
    startApi({ env, timeoutMs: startTimeoutMs }),
    startApi({ entry: 'worker', env, timeoutMs: startTimeoutMs }),
  ]);
}, 60_000);

afterAll(async () => {
  destroyProviders();
  await Promise.all([first?.stop(), second?.stop(), worker?.stop()]);
  await redis?.close();
  await db?.end();
});

async function draftStatus(
  draftId: string,
): Promise<{ status: string; sections_done: number; failure_reason: string | null }> {
  const { rows } = await db.query<{
    status: string;
    sections_done: number;
    failure_reason: string | null;
  }>('SELECT status, sections_done, failure_reason FROM plan_drafts WHERE id = $1', [draftId]);
  return rows[0]!;
}

/**
 * The instances' and the worker's last log lines but reads and the maintenance jobs' (which run
 * every second here), to see why something did not happen.
 */
function recentLogs(): string {
  return [first, second, worker]
    .map((api, i) =>
      api.logs
        .filter((entry) => !(entry.msg === 'request' && entry.method === 'GET'))
        .filter((entry) => entry.queue !== 'maintenance')
        .slice(-8)
        .map((entry) => `${['first', 'second', 'worker'][i]}: ${JSON.stringify(entry)}`)
        .join('\n'),
    )
    .join('\n');
}

/** Notices of a draft being ready: written with the ready status, so one per draft made. */
async function readyNotices(draftId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications WHERE draft_id = $1 AND kind = 'draft_ready'`,
    [draftId],
  );
  return rows[0]!.n;
}

describe('Redis restarted', () => {
  it('editing goes on on both instances, they pass each other’s edits on again by themselves, and drafts asked for before and after are each made once', async () => {
    const client = await signedIn(new ApiClient(first.baseUrl), lead);
    const cookie = client.sessionCookie!;
    const exportable = (
      await client.post<DraftSummary>(`/api/plans/${smallPlanId}/drafts`, { label: 'To export' })
    ).body;
    const [section] = sectionIds;
    const a = new Typist('a', first.baseUrl, section!, cookie);
    const b = new Typist('b', second.baseUrl, section!, cookie);
    await Promise.all([a.provider.synced(), b.provider.synced()]);
    a.start(40);
    b.start(40);
    await waitUntil(() => a.acknowledged.size > 5 && b.acknowledged.size > 5, 10_000);
    const before = { a: [...a.acknowledged], b: [...b.acknowledged] };
    await waitUntil(
      () =>
        missingAndDuplicated(b.text(), before.a).missing.length === 0 &&
        missingAndDuplicated(a.text(), before.b).missing.length === 0,
      10_000,
      () => 'the instances did not pass edits on before the restart',
    );
    await waitUntil(
      async () => (await draftStatus(exportable.id)).status === 'ready',
      20_000,
      () => 'the draft to export was not made',
    );

    // A draft asked for just before Redis stops, being made when it does.
    const early = (
      await client.post<DraftSummary>(`/api/plans/${planId}/drafts`, { label: 'Before' })
    ).body;
    let earlyState = '';
    await waitUntil(
      async () => {
        const state = await draftStatus(early.id);
        earlyState = JSON.stringify(state);
        return state.sections_done >= 1;
      },
      20_000,
      () => `the draft asked for before the stop was not started: ${earlyState}; ${recentLogs()}`,
    );

    await redis.stop();
    const stoppedAt = { a: a.typed.length, b: b.typed.length };
    const acknowledgedAtStop = { a: a.acknowledged.size, b: b.acknowledged.size };

    // Asking for work that needs the queue is refused at once, and nothing is recorded.
    for (const [path, body] of [
      [`/api/plans/${planId}/drafts`, { label: 'While Redis is down' }],
      [`/api/drafts/${exportable.id}/exports`, { format: 'pdf' }],
    ] as const) {
      const startedAt = Date.now();
      const refused = await client.post<{ code: string }>(path, body);
      expect(Date.now() - startedAt).toBeLessThan(2_500);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('service_unavailable');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const recorded = await db.query<{ drafts: number; exports: number }>(
      `SELECT (SELECT count(*)::int FROM plan_drafts WHERE plan_id = $1) AS drafts,
              (SELECT count(*)::int FROM draft_exports WHERE draft_id = $2) AS exports`,
      [planId, exportable.id],
    );
    expect(recorded.rows[0]).toEqual({ drafts: 1, exports: 0 });

    await sleep(2_000);
    // Both instances go on saving: only PostgreSQL is needed for that.
    expect(a.acknowledged.size).toBeGreaterThan(acknowledgedAtStop.a + 10);
    expect(b.acknowledged.size).toBeGreaterThan(acknowledgedAtStop.b + 10);
    expect([a.provider.status, b.provider.status]).toEqual(['synced', 'synced']);

    await redis.start();
    const logsAtRestart = worker.logs.length;
    // A draft asked for as Redis comes back: asked again with the same key (as the web client
    // does) until it is taken, it is one draft.
    const key = `restart-${unique()}`;
    let late: DraftSummary | undefined;
    await waitUntil(
      async () => {
        const asked = await client.request<DraftSummary>(
          'POST',
          `/api/plans/${planId}/drafts`,
          { label: 'After' },
          { 'idempotency-key': key },
        );
        if (asked.status === 201 || asked.status === 200) late = asked.body;
        else expect(asked.status).toBe(503);
        return late !== undefined;
      },
      15_000,
      () => 'a draft could not be asked for after the restart',
    );
    const duringAndAfter = {
      a: a.typed.slice(stoppedAt.a),
      b: b.typed.slice(stoppedAt.b),
    };
    await sleep(1_000);
    await Promise.all([a.stop(), b.stop()]);
    await waitUntil(
      () => a.provider.unacknowledged === 0 && b.provider.unacknowledged === 0,
      15_000,
      () =>
        `unacknowledged: a ${a.provider.unacknowledged} (${a.provider.status}), ` +
        `b ${b.provider.unacknowledged} (${b.provider.status})`,
    );
    expect(duringAndAfter.a.length).toBeGreaterThan(20);
    expect(duringAndAfter.b.length).toBeGreaterThan(20);

    // Each editor has everything both typed, before, during and after, once.
    const everything = [...a.typed, ...b.typed];
    await waitUntil(
      () =>
        a.text() === b.text() && missingAndDuplicated(a.text(), everything).missing.length === 0,
      20_000,
      () =>
        JSON.stringify({
          a: missingAndDuplicated(a.text(), everything).missing.length,
          b: missingAndDuplicated(b.text(), everything).missing.length,
        }),
    );
    expect(missingAndDuplicated(b.text(), everything)).toEqual({ missing: [], duplicated: [] });

    // Both drafts are made, once each.
    for (const draft of [early, late!]) {
      await waitUntil(
        async () => (await draftStatus(draft.id)).status === 'ready',
        30_000,
        () => `draft ${draft.label} stayed ${JSON.stringify(worker.logs.slice(-5))}`,
      );
      const made = (await client.get<DraftView>(`/api/drafts/${draft.id}`)).body;
      expect(made.sections.map((s) => s.html)).toEqual(
        sectionIds.map((_, i) => expect.stringContaining(`Opening text ${i + 1}.`) as unknown),
      );
      expect(await readyNotices(draft.id)).toBe(1);
    }
    const { rows } = await db.query<{ drafts: number }>(
      'SELECT count(*)::int AS drafts FROM plan_drafts WHERE plan_id = $1',
      [planId],
    );
    expect(rows[0]!.drafts).toBe(2);
    const queue = new Queue('drafts', { connection: { url: redis.url }, prefix: `${prefix}bull` });
    try {
      // Each draft's one job completed having made it (a repeated run would have skipped).
      for (const draft of [early, late!])
        expect((await queue.getJob(`draft-${draft.id}`))?.returnvalue).toEqual({
          sections: sectionIds.length,
          words: expect.any(Number),
        });
    } finally {
      await queue.close();
    }

    // The worker's repeatable jobs run again after the restart.
    await waitUntil(
      () =>
        ['draft-schedules.run', 'dashboard.daily-words'].every((name) =>
          worker.logs.slice(logsAtRestart).some((l) => l.msg === 'job done' && l.job === name),
        ),
      10_000,
      () => 'the repeatable jobs did not run after the restart',
    );
    a.destroy();
    b.destroy();
  }, 90_000);

  it('asking for a draft while Redis hangs (connections open, nothing answered) is refused within a couple of seconds', async () => {
    const client = await signedIn(new ApiClient(first.baseUrl), lead);
    const { rows: before } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM plan_drafts WHERE plan_id = $1',
      [planId],
    );
    redis.pause();
    try {
      const startedAt = Date.now();
      const refused = await client.post<{ code: string }>(`/api/plans/${planId}/drafts`, {
        label: 'While Redis hangs',
      });
      expect(Date.now() - startedAt).toBeLessThan(3_500);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('service_unavailable');
      expect(refused.headers.get('retry-after')).not.toBeNull();
    } finally {
      redis.resume();
    }
    const { rows: after } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM plan_drafts WHERE plan_id = $1',
      [planId],
    );
    expect(after[0]!.n).toBe(before[0]!.n);
  }, 20_000);
});
