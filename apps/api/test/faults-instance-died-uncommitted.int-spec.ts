import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  connectTestDatabase,
  factories,
  startApi,
  unique,
  type FaultProxy,
  type RunningApi,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import { sessionCookieOf } from './collab-test-client.js';
import {
  backendProxies,
  destroyProviders,
  missingAndDuplicated,
  startFrontedApi,
  startTimeoutMs,
  storedText,
  throughProxies,
  Typist,
  waitUntil,
  type FrontedApi,
} from './fault-test-kit.js';

/**
 * An instance takes an edit, passes it to the other instance holding the section, and dies before
 * its commit (its database line has gone quiet). The other instance has the edit only in memory:
 * its state vector covers it, so the editor, reconnecting there, must not take that for saved. The
 * provider sends the unacknowledged change again with its catch-up, the instance logs it although
 * it changes nothing in its copy, and only then is it acknowledged.
 */

let db: pg.Client;
let databaseLine: FaultProxy;
let redisLine: FaultProxy;
let dying: FrontedApi;
let survivor: RunningApi;
let author: TestUser;
let sectionId: string;

beforeAll(async () => {
  db = await connectTestDatabase();
  const make = factories(db);
  author = await make.aUser();
  const footprint = await make.aFootprint({ members: { author: [author] } });
  sectionId = (await make.aSection((await make.aPlan(footprint.id)).id)).id;
  ({ database: databaseLine, redis: redisLine } = await backendProxies());
  const env = {
    REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}faults-uncommitted-${unique()}:`,
  };
  [dying, survivor] = await Promise.all([
    startFrontedApi({ ...env, ...throughProxies({ database: databaseLine }) }),
    startApi({ env, timeoutMs: startTimeoutMs }),
  ]);
}, 60_000);

afterAll(async () => {
  destroyProviders();
  databaseLine?.restore();
  await Promise.all([dying?.api.stop(), survivor?.stop()]);
  await dying?.front.close();
  await databaseLine?.close();
  await redisLine?.close();
  await db?.end();
});

describe('an instance that dies between relaying an edit and committing it', () => {
  it('leaves the edit unacknowledged until the instance the editor reaches next has logged it', async () => {
    const cookie = await sessionCookieOf(survivor.baseUrl, author);
    const writer = new Typist('w', dying.url, sectionId, cookie, { ackTimeoutMs: 30_000 });
    const reader = new Typist('r', survivor.baseUrl, sectionId, cookie);
    await Promise.all([writer.provider.synced(), reader.provider.synced()]);
    writer.type();
    await waitUntil(() => writer.provider.unacknowledged === 0, 10_000);

    databaseLine.stall();
    const unsaved = [writer.type(), writer.type(), writer.type()];
    // Relayed to the other instance through Redis, but not committed anywhere.
    await waitUntil(
      () => unsaved.every((word) => reader.text().includes(word)),
      10_000,
      () => reader.text(),
    );
    expect(writer.provider.unacknowledged).toBe(3);
    expect(missingAndDuplicated(await storedText(db, sectionId), unsaved).missing).toEqual(unsaved);

    await dying.api.stop('SIGKILL');
    dying.front.retarget(survivor.port);
    await waitUntil(
      () => writer.provider.status === 'synced' && writer.provider.unacknowledged === 0,
      20_000,
      () => `${writer.provider.status}, ${writer.provider.unacknowledged} unacknowledged`,
    );
    const stored = await storedText(db, sectionId);
    expect(missingAndDuplicated(stored, writer.typed).missing).toEqual([]);
    expect(writer.text()).toBe(stored);
  }, 60_000);
});
