import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, signedIn, type RunningApi, type TestUser } from '@commonplan/testing';
import type pg from 'pg';
import {
  authorBehindDatabaseProxy,
  freshText,
  missingAndDuplicated,
  sleep,
  storedText,
  Typist,
  waitUntil,
  type DatabaseFaultSetup,
} from './fault-test-kit.js';

/**
 * The line to PostgreSQL goes silent without breaking (a network partition: no reset, no error,
 * just no answer). Requests must not hang: they are answered 503 once the API stops waiting
 * (DATABASE_QUERY_TIMEOUT_MS), editing goes on in the browsers, nothing new is acknowledged, and
 * when the line comes back every word is in PostgreSQL once.
 */

const queryTimeoutMs = 2_500;
let setup: DatabaseFaultSetup;
let db: pg.Client;
let proxies: DatabaseFaultSetup['proxies'];
let api: RunningApi;
let author: TestUser;
let footprintSlug: string;
let sectionId: string;

beforeAll(async () => {
  setup = await authorBehindDatabaseProxy(1, {
    DATABASE_STATEMENT_TIMEOUT_MS: '1500',
    DATABASE_QUERY_TIMEOUT_MS: String(queryTimeoutMs),
  });
  ({ db, proxies, api, author, footprintSlug } = setup);
  sectionId = setup.sectionIds[0]!;
}, 60_000);

afterAll(() => setup?.close());

describe('PostgreSQL silent during editing', () => {
  it('answers requests 503 instead of hanging, and writes every edit once when the line is back', async () => {
    const client = await signedIn(new ApiClient(api.baseUrl), author);
    const cookie = client.sessionCookie!;
    const typists = [0, 1].map(
      (p) => new Typist(`p${p}`, api.baseUrl, sectionId, cookie, { ackTimeoutMs: 1_000 }),
    );
    await Promise.all(typists.map((typist) => typist.provider.synced()));
    for (const typist of typists) typist.start(30);
    await sleep(1_000);

    proxies.database.stall();
    // What was in flight at the stall may still be acknowledged once it times out and is retried
    // later; take the count after the first writes have given up waiting.
    await sleep(queryTimeoutMs + 500);
    const acknowledgedInStall = typists.map((typist) => typist.acknowledged.size);
    const typedInStall = typists.map((typist) => typist.typed.length);

    const asked = Date.now();
    const refused = await client.get<{ code: string; message: string }>(
      `/api/footprints/${footprintSlug}`,
    );
    const waitedMs = Date.now() - asked;
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('service_unavailable');
    expect(refused.headers.get('retry-after')).toBeTruthy();
    // Answered once the API stopped waiting: not held until the line comes back.
    expect(waitedMs).toBeLessThan(queryTimeoutMs + 6_000);
    const health = await new ApiClient(api.baseUrl).get<{ database: string }>('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.database).toBe('down');

    await sleep(1_000);
    expect(api.process.exitCode).toBeNull();
    expect(typists.map((typist, i) => typist.typed.length > typedInStall[i]! + 20)).toEqual([
      true,
      true,
    ]);
    expect(typists.map((typist) => typist.acknowledged.size)).toEqual(acknowledgedInStall);
    for (const typist of typists) {
      const stored = await storedText(db, typist.sectionId);
      expect(missingAndDuplicated(stored, typist.acknowledged).missing).toEqual([]);
    }

    proxies.database.restore();
    await Promise.all(typists.map((typist) => typist.stop()));
    await waitUntil(
      () => typists.every((typist) => typist.provider.unacknowledged === 0),
      30_000,
      () => typists.map((typist) => typist.provider.unacknowledged).join(','),
    );
    expect((await client.get(`/api/footprints/${footprintSlug}`)).status).toBe(200);
    expect((await new ApiClient(api.baseUrl).get('/api/health')).status).toBe(200);

    const words = typists.flatMap((typist) => typist.typed);
    const fromDatabase = await storedText(db, sectionId);
    expect(missingAndDuplicated(fromDatabase, words)).toEqual({ missing: [], duplicated: [] });
    expect(await freshText(api.baseUrl, sectionId, cookie)).toBe(fromDatabase);
    for (const typist of typists) expect(typist.text()).toBe(fromDatabase);
    for (const typist of typists) typist.destroy();
  }, 90_000);
});
