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
 * The API's connections to PostgreSQL cut while people type: the process stays up, editing goes on
 * in the browsers, acknowledgements wait for the database, REST says 503 rather than 500, and once
 * the line is back every word is written once and acknowledged.
 */

let setup: DatabaseFaultSetup;
let db: pg.Client;
let proxies: DatabaseFaultSetup['proxies'];
let api: RunningApi;
let author: TestUser;
let footprintSlug: string;
let sectionIds: string[];

beforeAll(async () => {
  setup = await authorBehindDatabaseProxy(2);
  ({ db, proxies, api, author, footprintSlug, sectionIds } = setup);
}, 60_000);

afterAll(() => setup?.close());

describe('PostgreSQL cut off during editing', () => {
  it('holds acknowledgements until the database is back, then writes every edit once', async () => {
    const client = await signedIn(new ApiClient(api.baseUrl), author);
    const cookie = client.sessionCookie!;
    const typists = sectionIds.flatMap((sectionId, s) =>
      // A short acknowledgement timeout, so the editors send unacknowledged updates again during
      // the outage, as a browser does when it lasts longer than its timeout.
      [0, 1].map(
        (p) => new Typist(`s${s}p${p}`, api.baseUrl, sectionId, cookie, { ackTimeoutMs: 1_000 }),
      ),
    );
    await Promise.all(typists.map((typist) => typist.provider.synced()));
    for (const typist of typists) typist.start(30);
    await sleep(1_000);

    proxies.database.cut();
    // Whatever was being committed at the cut has failed or landed by now.
    await sleep(300);
    const acknowledgedAtCut = typists.map((typist) => typist.acknowledged.size);
    const typedAtCut = typists.map((typist) => typist.typed.length);

    // REST is refused with a reason, and the health check says the database is down.
    const refused = await client.get<{ code: string; message: string }>(
      `/api/footprints/${footprintSlug}`,
    );
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('service_unavailable');
    expect(refused.body.message).toMatch(/cannot reach its database/);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    // As a load balancer asks: without a session.
    const health = await new ApiClient(api.baseUrl).get<{ status: string; database: string }>(
      '/api/health',
    );
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', database: 'down', redis: 'up' });
    // And as a person's browser asks, with its session cookie.
    const healthSignedIn = await client.get<{ status: string; database: string }>('/api/health');
    expect(healthSignedIn.status).toBe(503);
    expect(healthSignedIn.body).toMatchObject({ status: 'degraded', database: 'down' });

    await sleep(2_000);
    expect(api.process.exitCode).toBeNull();
    // People kept typing, and nothing more was acknowledged while nothing could be committed.
    expect(
      typists.map((typist) => typist.typed.length > typedAtCut[typists.indexOf(typist)]! + 20),
    ).toEqual(typists.map(() => true));
    expect(typists.map((typist) => typist.acknowledged.size)).toEqual(acknowledgedAtCut);
    expect(typists.every((typist) => typist.provider.status === 'synced')).toBe(true);
    // And all that had been acknowledged is in PostgreSQL.
    for (const typist of typists) {
      const stored = await storedText(db, typist.sectionId);
      expect(missingAndDuplicated(stored, typist.acknowledged).missing).toEqual([]);
    }

    proxies.database.restore();
    await waitUntil(
      () => typists.every((typist) => typist.unacknowledged().length < 10),
      20_000,
      () => typists.map((typist) => typist.unacknowledged().length).join(','),
    );
    await Promise.all(typists.map((typist) => typist.stop()));
    await waitUntil(
      () => typists.every((typist) => typist.provider.unacknowledged === 0),
      15_000,
      () => typists.map((typist) => typist.provider.unacknowledged).join(','),
    );
    expect((await client.get(`/api/footprints/${footprintSlug}`)).status).toBe(200);
    expect((await new ApiClient(api.baseUrl).get('/api/health')).status).toBe(200);

    for (const [s, sectionId] of sectionIds.entries()) {
      const inSection = typists.filter((typist) => typist.sectionId === sectionId);
      const words = inSection.flatMap((typist) => typist.typed);
      const fromDatabase = await storedText(db, sectionId);
      expect({ section: s, ...missingAndDuplicated(fromDatabase, words) }).toEqual({
        section: s,
        missing: [],
        duplicated: [],
      });
      expect(await freshText(api.baseUrl, sectionId, cookie)).toBe(fromDatabase);
      for (const typist of inSection) expect(typist.text()).toBe(fromDatabase);
    }
    // The retried group commit wrote each update once.
    const { rows: repeated } = await db.query(
      `SELECT section_id, count(*) FROM section_updates WHERE section_id = ANY($1::uuid[])
        GROUP BY section_id, update HAVING count(*) > 1`,
      [sectionIds],
    );
    expect(repeated).toEqual([]);
    for (const typist of typists) typist.destroy();
  }, 90_000);
});
