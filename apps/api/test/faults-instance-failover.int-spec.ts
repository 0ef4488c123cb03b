import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  connectTestDatabase,
  factories,
  startApi,
  unique,
  type RunningApi,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import { sessionCookieOf } from './collab-test-client.js';
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

/**
 * Two API instances behind one address each way; one is killed: its editors move to the other
 * (the address now leads there, as a load balancer would do) and everyone converges on the same
 * text, with nothing acknowledged lost.
 */

let db: pg.Client;
let killed: FrontedApi;
let survivor: RunningApi;
let author: TestUser;
const sectionIds: string[] = [];

beforeAll(async () => {
  db = await connectTestDatabase();
  const make = factories(db);
  author = await make.aUser();
  const footprint = await make.aFootprint({ members: { author: [author] } });
  const plan = await make.aPlan(footprint.id);
  for (let i = 0; i < 2; i += 1) sectionIds.push((await make.aSection(plan.id)).id);
  const env = {
    REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}faults-two-${unique()}:`,
  };
  [killed, survivor] = await Promise.all([
    startFrontedApi(env),
    startApi({ env, timeoutMs: startTimeoutMs }),
  ]);
}, 60_000);

afterAll(async () => {
  destroyProviders();
  await Promise.all([killed?.api.stop(), survivor?.stop()]);
  await killed?.front.close();
  await db?.end();
});

describe('one of two instances killed', () => {
  it('moves its editors to the other instance, where everyone converges', async () => {
    const cookie = await sessionCookieOf(survivor.baseUrl, author);
    // In each section, one person on each instance.
    const onKilled = sectionIds.map((id, s) => new Typist(`k${s}`, killed.url, id, cookie));
    const onSurvivor = sectionIds.map((id, s) => new Typist(`v${s}`, survivor.baseUrl, id, cookie));
    const typists = [...onKilled, ...onSurvivor];
    await Promise.all(typists.map((typist) => typist.provider.synced()));
    for (const typist of typists) typist.start(30);
    await sleep(1_500);

    await killed.api.stop('SIGKILL');
    killed.front.retarget(survivor.port);
    const acknowledgedAtKill = onKilled.map((typist) => new Set(typist.acknowledged));
    expect(acknowledgedAtKill.every((words) => words.size > 5)).toBe(true);
    for (const [index, typist] of onKilled.entries()) {
      const stored = await storedText(db, typist.sectionId);
      expect(missingAndDuplicated(stored, acknowledgedAtKill[index]!).missing).toEqual([]);
    }

    await waitUntil(
      () => typists.every((typist) => typist.provider.status === 'synced'),
      15_000,
      () => typists.map((typist) => typist.provider.status).join(','),
    );
    await sleep(500);
    await Promise.all(typists.map((typist) => typist.stop()));
    await waitUntil(
      () => typists.every((typist) => typist.provider.unacknowledged === 0),
      15_000,
      () => typists.map((typist) => typist.provider.unacknowledged).join(','),
    );
    for (const [s, sectionId] of sectionIds.entries()) {
      const inSection = typists.filter((typist) => typist.sectionId === sectionId);
      const stored = await storedText(db, sectionId);
      expect({
        section: s,
        ...missingAndDuplicated(
          stored,
          inSection.flatMap((typist) => typist.typed),
        ),
      }).toEqual({ section: s, missing: [], duplicated: [] });
      await waitUntil(
        () => inSection.every((typist) => typist.text() === stored),
        10_000,
        () => `section ${s}: the editors' texts differ from PostgreSQL's`,
      );
      expect(await freshText(survivor.baseUrl, sectionId, cookie)).toBe(stored);
    }
    for (const typist of typists) typist.destroy();
  }, 90_000);
});
