import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  type RunningApi,
} from '@commonplan/testing';
import type { CollabErrorCode } from '@commonplan/protocol';
import type pg from 'pg';
import {
  destroyProviders,
  missingAndDuplicated,
  sleep,
  storedText,
  Typist,
  waitUntil,
} from './fault-test-kit.js';

/**
 * Someone typing faster than the per-connection update rate: the server refuses some changes with
 * rate_limited, and a change sent before that answer came back arrives ahead of the refused one
 * (out of order). Both are sent again, with everything typed meanwhile, as one update; none is
 * given up, so the count of unsaved changes falls only as changes become durable, and every word
 * ends up stored once.
 */
describe('typing past the update rate', () => {
  let api: RunningApi;
  let db: pg.Client;
  let cookie: string;
  let sectionId: string;

  beforeAll(async () => {
    api = await startApi({ env: { COLLAB_UPDATES_PER_SECOND: '25' } });
    db = await connectTestDatabase();
    const make = factories(db);
    const author = await make.aUser();
    const footprint = await make.aFootprint({ members: { author: [author] } });
    const plan = await make.aPlan(footprint.id);
    sectionId = (await make.aSection(plan.id)).id;
    cookie = (await signedIn(new ApiClient(api.baseUrl), author)).sessionCookie!;
  });

  afterAll(async () => {
    destroyProviders();
    await api?.stop();
    await db?.end();
  });

  it('sends refused and out-of-order changes again, and counts a change saved only once it is stored', async () => {
    const typist = new Typist('fast', api.baseUrl, sectionId, cookie, { ackTimeoutMs: 2_000 });
    const refusals = new Map<CollabErrorCode, number>();
    typist.provider.on('error', (error) =>
      refusals.set(error.code, (refusals.get(error.code) ?? 0) + 1),
    );
    await typist.provider.synced();
    typist.start(8);
    // While changes are being refused and sent again, whatever counts as saved is stored.
    for (let check = 0; check < 4; check += 1) {
      await sleep(400);
      const acknowledged = [...typist.acknowledged];
      const stored = await storedText(db, sectionId);
      expect(missingAndDuplicated(stored, acknowledged).missing).toEqual([]);
    }
    await typist.stop();
    await waitUntil(
      () => typist.provider.unacknowledged === 0,
      30_000,
      () => String(typist.provider.unacknowledged),
    );

    expect(refusals.get('rate_limited')).toBeGreaterThan(0);
    // Nothing was refused for good.
    expect(
      [...refusals.keys()].filter(
        (code) => code !== 'rate_limited' && code !== 'update_out_of_order',
      ),
    ).toEqual([]);
    const stored = await storedText(db, sectionId);
    expect(missingAndDuplicated(stored, typist.typed)).toEqual({ missing: [], duplicated: [] });
    expect(typist.acknowledged.size).toBe(typist.typed.length);
  }, 60_000);
});
