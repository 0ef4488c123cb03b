import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  connectTestDatabase,
  factories,
  startApi,
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
 * The API process killed with SIGKILL while people type into several sections: nothing it
 * acknowledged is lost, the editors reconnect by themselves to the restarted process, and every
 * word ends up exactly once everywhere.
 */

let db: pg.Client;
let fronted: FrontedApi;
let restarted: RunningApi | undefined;
let author: TestUser;
const sectionIds: string[] = [];

beforeAll(async () => {
  db = await connectTestDatabase();
  const make = factories(db);
  author = await make.aUser();
  const footprint = await make.aFootprint({ members: { author: [author] } });
  const plan = await make.aPlan(footprint.id);
  for (let i = 0; i < 3; i += 1) sectionIds.push((await make.aSection(plan.id)).id);
  fronted = await startFrontedApi();
}, 60_000);

afterAll(async () => {
  destroyProviders();
  await Promise.all([fronted?.api.stop(), restarted?.stop()]);
  await fronted?.front.close();
  await db?.end();
});

describe('the API killed during heavy editing', () => {
  it('keeps every acknowledged edit, and its editors reconnect, converge and duplicate nothing', async () => {
    const cookie = await sessionCookieOf(fronted.api.baseUrl, author);
    // Two people in each of three sections.
    const typists = sectionIds.flatMap((sectionId, s) =>
      [0, 1].map((p) => new Typist(`s${s}p${p}`, fronted.url, sectionId, cookie)),
    );
    await Promise.all(typists.map((typist) => typist.provider.synced()));
    for (const typist of typists) typist.start();
    await sleep(1_500);

    await fronted.api.stop('SIGKILL');
    const acknowledgedAtKill = typists.map((typist) => new Set(typist.acknowledged));
    expect(acknowledgedAtKill.every((words) => words.size > 10)).toBe(true);
    // What PostgreSQL holds at the moment of the kill already has every acknowledged word.
    for (const [index, typist] of typists.entries()) {
      const stored = await storedText(db, typist.sectionId);
      expect(missingAndDuplicated(stored, acknowledgedAtKill[index]!)).toEqual({
        missing: [],
        duplicated: [],
      });
    }

    // They keep typing while the server is away; it comes back on another port behind the same
    // address, as behind a load balancer.
    await sleep(500);
    expect(typists.every((typist) => typist.provider.status === 'offline')).toBe(true);
    restarted = await startApi({ timeoutMs: startTimeoutMs });
    fronted.front.retarget(restarted.port);
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
      const words = inSection.flatMap((typist) => typist.typed);
      const fromDatabase = await storedText(db, sectionId);
      const fromFreshClient = await freshText(fronted.url, sectionId, cookie);
      expect({ section: s, ...missingAndDuplicated(fromDatabase, words) }).toEqual({
        section: s,
        missing: [],
        duplicated: [],
      });
      expect(fromFreshClient).toBe(fromDatabase);
      for (const typist of inSection) expect(typist.text()).toBe(fromDatabase);
    }
    for (const typist of typists) typist.destroy();
  }, 90_000);
});
