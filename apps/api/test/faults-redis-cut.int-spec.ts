import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftSummary, DraftView } from '@commonplan/domain';
import { initialContentUpdate, paragraphsToJson } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  defaultRedisUrl,
  factories,
  signedIn,
  startApi,
  unique,
  type FaultProxy,
  type RunningApi,
  type TestUser,
} from '@commonplan/testing';
import { Queue } from 'bullmq';
import type pg from 'pg';
import {
  backendProxies,
  destroyProviders,
  missingAndDuplicated,
  sleep,
  startTimeoutMs,
  throughProxies,
  Typist,
  waitUntil,
} from './fault-test-kit.js';

useOwnDatabase();

/**
 * Redis cut off from two API instances and the worker: editing on each instance goes on, edits
 * reach the other instance again by themselves once Redis is back, and a draft being made at the
 * time is made exactly once.
 */

let db: pg.Client;
let proxies: { database: FaultProxy; redis: FaultProxy };
let first: RunningApi;
let second: RunningApi;
let worker: RunningApi;
let lead: TestUser;
let planId: string;
const sectionIds: string[] = [];
const prefix = `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}faults-redis-${unique()}:`;

beforeAll(async () => {
  db = await connectTestDatabase();
  const make = factories(db);
  lead = await make.aUser();
  const footprint = await make.aFootprint({ members: { lead: [lead] } });
  planId = (await make.aPlan(footprint.id)).id;
  for (let i = 0; i < 4; i += 1) {
    const section = await make.aSection(planId, { title: `Section ${i + 1}` });
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      section.id,
      Buffer.from(initialContentUpdate(paragraphsToJson([`Opening text ${i + 1}.`]))),
    ]);
    sectionIds.push(section.id);
  }
  proxies = await backendProxies();
  const env = {
    ...throughProxies({ redis: proxies.redis }),
    REDIS_PREFIX: prefix,
    DRAFTS_PAUSE_PER_SECTION_MS: '700',
    // Longer than the outage, as the 30-second default is longer than a Redis restart.
    DRAFTS_JOB_LOCK_MS: '6000',
    DRAFTS_RETRY_DELAY_MS: '50',
  };
  [first, second, worker] = await Promise.all([
    startApi({ env, timeoutMs: startTimeoutMs }),
    startApi({ env, timeoutMs: startTimeoutMs }),
    startApi({ entry: 'worker', env, timeoutMs: startTimeoutMs }),
  ]);
}, 60_000);

afterAll(async () => {
  destroyProviders();
  proxies?.redis.restore();
  await Promise.all([first?.stop(), second?.stop(), worker?.stop()]);
  await proxies?.database.close();
  await proxies?.redis.close();
  await db?.end();
});

describe('Redis cut off', () => {
  it('editing goes on, the instances catch up with each other afterwards, and a draft being made is made once', async () => {
    const client = await signedIn(new ApiClient(first.baseUrl), lead);
    const cookie = client.sessionCookie!;
    const [editedSection] = sectionIds;
    const writer = new Typist('a', first.baseUrl, editedSection!, cookie);
    const reader = new Typist('b', second.baseUrl, editedSection!, cookie);
    await Promise.all([writer.provider.synced(), reader.provider.synced()]);
    writer.start(40);
    await waitUntil(() => writer.acknowledged.size > 5, 10_000);
    // Live across instances before the cut.
    const early = [...writer.acknowledged];
    await waitUntil(
      () => missingAndDuplicated(reader.text(), early).missing.length === 0,
      10_000,
      () => 'the other instance did not see edits before the cut',
    );

    const draft = (
      await client.post<DraftSummary>(`/api/plans/${planId}/drafts`, { label: 'During an outage' })
    ).body;
    await waitUntil(async () => {
      const { rows } = await db.query<{ sections_done: number }>(
        'SELECT sections_done FROM plan_drafts WHERE id = $1',
        [draft.id],
      );
      return (rows[0]?.sections_done ?? 0) >= 1;
    }, 20_000);

    proxies.redis.cut();
    await sleep(300);
    const acknowledgedAtCut = writer.acknowledged.size;
    await sleep(2_500);
    // The instance with the editor goes on saving: only PostgreSQL is needed for that.
    expect(writer.acknowledged.size).toBeGreaterThan(acknowledgedAtCut + 10);
    expect(writer.provider.status).toBe('synced');
    expect(first.process.exitCode).toBeNull();
    expect(second.process.exitCode).toBeNull();
    expect(worker.process.exitCode).toBeNull();

    proxies.redis.restore();
    await sleep(500);
    await writer.stop();
    await waitUntil(() => writer.provider.unacknowledged === 0, 15_000);
    // Everything typed, including what was typed while Redis was away, reaches the other instance.
    await waitUntil(
      () => reader.text() === writer.text(),
      20_000,
      () => JSON.stringify(missingAndDuplicated(reader.text(), writer.typed)),
    );
    expect(missingAndDuplicated(reader.text(), writer.typed)).toEqual({
      missing: [],
      duplicated: [],
    });

    // The draft is made once: one draft, every section rendered, its job completed.
    await waitUntil(
      async () => (await client.get<DraftView>(`/api/drafts/${draft.id}`)).body.status === 'ready',
      30_000,
    );
    const made = (await client.get<DraftView>(`/api/drafts/${draft.id}`)).body;
    expect(made.sections.map((section) => section.html)).toEqual(
      sectionIds.map((_, i) => expect.stringContaining(`Opening text ${i + 1}.`) as unknown),
    );
    const { rows } = await db.query<{ drafts: number }>(
      'SELECT count(*)::int AS drafts FROM plan_drafts WHERE plan_id = $1',
      [planId],
    );
    expect(rows[0]!.drafts).toBe(1);
    const queue = new Queue('drafts', {
      connection: { url: process.env.REDIS_URL ?? defaultRedisUrl },
      prefix: `${prefix}bull`,
    });
    try {
      const jobId = `draft-${draft.id}`;
      let state = '';
      await waitUntil(
        async () => (state = await queue.getJobState(jobId)) === 'completed',
        15_000,
        () => `the job is ${state}: ${JSON.stringify(worker.logs.filter((l) => l.id === jobId))}`,
      );
      // A repeated run would have found the draft ready and skipped.
      expect((await queue.getJob(jobId))?.returnvalue).toEqual({
        sections: sectionIds.length,
        words: expect.any(Number),
      });
    } finally {
      await queue.close();
    }
    writer.destroy();
    reader.destroy();
  }, 90_000);
});
