import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftSummary, DraftView } from '@commonplan/domain';
import { initialContentUpdate, paragraphsToJson } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  unique,
  type RunningApi,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import {
  destroyProviders,
  freshText,
  missingAndDuplicated,
  sleep,
  startFrontedApi,
  startTimeoutMs,
  storedText,
  Typist,
  waitUntil,
  type FrontedApi,
} from './fault-test-kit.js';

useOwnDatabase();

/**
 * SIGTERM, as a rolling deploy sends it: the API commits what it was sent before it goes, its
 * editors move to the new instance by themselves, the worker finishes the draft in hand, and both
 * exit 0 within a bounded time.
 */

let db: pg.Client;
let old: FrontedApi;
let replacement: RunningApi | undefined;
let worker: RunningApi;
let lead: TestUser;
let planId: string;
const sectionIds: string[] = [];
const env = {
  REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}faults-stop-${unique()}:`,
  DRAFTS_PAUSE_PER_SECTION_MS: '600',
};

beforeAll(async () => {
  db = await connectTestDatabase();
  const make = factories(db);
  lead = await make.aUser();
  const footprint = await make.aFootprint({ members: { lead: [lead] } });
  planId = (await make.aPlan(footprint.id)).id;
  for (let i = 0; i < 3; i += 1) {
    const section = await make.aSection(planId, { title: `Section ${i + 1}` });
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      section.id,
      Buffer.from(initialContentUpdate(paragraphsToJson([`Opening text ${i + 1}.`]))),
    ]);
    sectionIds.push(section.id);
  }
  [old, worker] = await Promise.all([
    startFrontedApi(env),
    startApi({ entry: 'worker', env, timeoutMs: startTimeoutMs }),
  ]);
}, 60_000);

afterAll(async () => {
  destroyProviders();
  await Promise.all([old?.api.stop(), replacement?.stop(), worker?.stop()]);
  await old?.front.close();
  await db?.end();
});

describe('a graceful stop', () => {
  it('commits what editors sent before the signal, moves them to the new instance, and exits 0', async () => {
    const cookie = (await signedIn(new ApiClient(old.api.baseUrl), lead)).sessionCookie!;
    const typists = sectionIds
      .slice(0, 2)
      .flatMap((sectionId, s) =>
        [0, 1].map((p) => new Typist(`s${s}p${p}`, old.url, sectionId, cookie)),
      );
    await Promise.all(typists.map((typist) => typist.provider.synced()));
    for (const typist of typists) typist.start(20);
    // The new instance is up before the old one is told to stop, as in a rolling deploy.
    replacement = await startApi({ env, timeoutMs: startTimeoutMs });
    await sleep(1_000);

    // A burst typed just before the signal, then the signal before any of it is acknowledged.
    await Promise.all(typists.map((typist) => typist.stop()));
    for (let i = 0; i < 5; i += 1) for (const typist of typists) typist.type();
    const typedBeforeSignal = typists.map((typist) => [...typist.typed]);
    const startedAt = Date.now();
    const exitCode = await old.api.stop('SIGTERM');
    const stopMs = Date.now() - startedAt;
    expect(exitCode).toBe(0);
    expect(stopMs).toBeLessThan(10_000);
    expect(old.api.logs.some((line) => line.event === 'stopped')).toBe(true);

    // All of it was committed by the instance that stopped, before anyone could send it again.
    for (const [index, typist] of typists.entries()) {
      const stored = await storedText(db, typist.sectionId);
      expect(missingAndDuplicated(stored, typedBeforeSignal[index]!)).toEqual({
        missing: [],
        duplicated: [],
      });
    }

    // The editors were dropped and reconnect; the address now leads to the new instance.
    expect(typists.every((typist) => typist.provider.status !== 'synced')).toBe(true);
    old.front.retarget(replacement.port);
    await waitUntil(
      () => typists.every((typist) => typist.provider.status === 'synced'),
      15_000,
      () => typists.map((typist) => typist.provider.status).join(','),
    );
    for (const typist of typists) typist.type();
    await waitUntil(() => typists.every((typist) => typist.provider.unacknowledged === 0), 15_000);
    for (const sectionId of sectionIds.slice(0, 2)) {
      const words = typists
        .filter((typist) => typist.sectionId === sectionId)
        .flatMap((typist) => typist.typed);
      const stored = await storedText(db, sectionId);
      expect(missingAndDuplicated(stored, words)).toEqual({ missing: [], duplicated: [] });
      expect(await freshText(old.url, sectionId, cookie)).toBe(stored);
    }
    for (const typist of typists) typist.destroy();
  }, 90_000);

  it('lets the worker finish the draft in hand before it exits 0', async () => {
    const client = await signedIn(new ApiClient(replacement!.baseUrl), lead);
    const draft = (
      await client.post<DraftSummary>(`/api/plans/${planId}/drafts`, { label: 'Before a deploy' })
    ).body;
    await waitUntil(async () => {
      const { rows } = await db.query<{ sections_done: number }>(
        'SELECT sections_done FROM plan_drafts WHERE id = $1',
        [draft.id],
      );
      return (rows[0]?.sections_done ?? 0) >= 1;
    }, 20_000);
    const startedAt = Date.now();
    expect(await worker.stop('SIGTERM')).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    const made = (await client.get<DraftView>(`/api/drafts/${draft.id}`)).body;
    expect(made.status).toBe('ready');
    expect(made.sections.map((section) => section.html)).toEqual(
      sectionIds.map((_, i) => expect.stringContaining(`<p>Opening text ${i + 1}.</p>`) as unknown),
    );
  }, 60_000);
});
