import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  unique,
  type RunningApi,
} from '@commonplan/testing';
import type pg from 'pg';
import * as Y from 'yjs';
import {
  anAuthorWithASection,
  CollabPeer,
  eventually,
  sessionCookieOf,
} from './collab-test-client.js';

useOwnDatabase();

/** /api/metrics: the Prometheus text an operator scrapes, behind a bearer token. */

const token = 'metrics-token-for-the-integration-test';
let api: RunningApi;
let worker: RunningApi;
let db: pg.Client;

beforeAll(async () => {
  // A Redis prefix of their own, so the queue figures are this file's alone.
  const env = {
    METRICS_TOKEN: token,
    REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}metrics-${unique()}:`,
    DRAFTS_JOB_ATTEMPTS: '3',
    DRAFTS_RETRY_DELAY_MS: '50',
  };
  [api, worker] = await Promise.all([startApi({ env }), startApi({ entry: 'worker', env })]);
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db?.end();
  await worker?.stop();
  await api?.stop();
});

function scrape(authorization?: string) {
  return fetch(`${api.baseUrl}/api/metrics`, {
    headers: authorization ? { authorization } : {},
  });
}

/** The value of one sample line, e.g. `commonplan_collab_connections` or `x{queue="mail"}`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no sample ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
}

describe('who may read the metrics', () => {
  it('without the token, or with a wrong one, the answer is 401 saying how to send it', async () => {
    for (const authorization of [undefined, 'Bearer not-the-token', `Basic ${token}`]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).toBe('metrics_token_required');
      expect(body.message).toContain('Authorization: Bearer');
    }
  });

  it('an instance without METRICS_TOKEN says metrics are off', async () => {
    const off = await startApi();
    try {
      const response = await fetch(`${off.baseUrl}/api/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('metrics_off');
    } finally {
      await off.stop();
    }
  });
});

describe('what the metrics say', () => {
  it('counts connections, open documents, updates and their acknowledgement time, and the queues', async () => {
    const { author, section } = await anAuthorWithASection(db);
    const peer = new CollabPeer(
      api.baseUrl,
      await sessionCookieOf(api.baseUrl, author),
      section.id,
    );
    try {
      await peer.connect();
      for (const text of ['Aims', 'Actions', 'Measures']) peer.addParagraph(text);
      await peer.settled();
      expect(await peer.lastSend).toBe(true);

      const response = await scrape(`Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = await response.text();
      expect(text).toContain('# TYPE commonplan_collab_updates_total counter');
      expect(text).toContain('# TYPE commonplan_collab_ack_seconds histogram');
      expect(sample(text, 'commonplan_collab_connections')).toBe(1);
      expect(sample(text, 'commonplan_collab_open_documents')).toBe(1);
      // Three paragraphs, however the client batched them; every accepted update was acknowledged.
      const updates = sample(text, 'commonplan_collab_updates_total');
      expect(updates).toBeGreaterThanOrEqual(3);
      expect(sample(text, 'commonplan_collab_ack_seconds_count')).toBe(updates);
      expect(sample(text, 'commonplan_collab_ack_seconds_bucket{le="+Inf"}')).toBe(updates);
      expect(sample(text, 'commonplan_collab_ack_seconds_sum')).toBeGreaterThan(0);
      expect(sample(text, 'commonplan_collab_pending_appends')).toBe(0);
      for (const queue of ['mail', 'maintenance', 'drafts']) {
        for (const state of ['waiting', 'active', 'delayed', 'failed'])
          expect(
            sample(text, `commonplan_queue_jobs{queue="${queue}",state="${state}"}`),
          ).toBeGreaterThanOrEqual(0);
        expect(
          sample(text, `commonplan_job_failures_total{queue="${queue}"}`),
        ).toBeGreaterThanOrEqual(0);
      }

      peer.close();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = await (await scrape(`Bearer ${token}`)).text();
      expect(sample(after, 'commonplan_collab_connections')).toBe(0);
    } finally {
      peer.close();
    }
  });

  it('counts every failed job attempt, and the job that failed for good', async () => {
    const f = factories(db);
    const lead = await f.aUser();
    const footprint = await f.aFootprint({ members: { lead: [lead] } });
    const plan = await f.aPlan(footprint.id);
    const section = await f.aSection(plan.id);
    // A log row whose earlier changes are missing: the draft job fails, and would on every try.
    const doc = new Y.Doc();
    doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
    const vector = Y.encodeStateVector(doc);
    doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      section.id,
      Buffer.from(Y.encodeStateAsUpdate(doc, vector)),
    ]);
    const client = await signedIn(new ApiClient(api.baseUrl), lead);
    expect((await client.post(`/api/plans/${plan.id}/drafts`, { label: 'x' })).status).toBe(201);

    let text = '';
    await eventually(async () => {
      text = await (await scrape(`Bearer ${token}`)).text();
      return (
        sample(text, 'commonplan_queue_jobs{queue="drafts",state="failed"}') === 1 &&
        sample(text, 'commonplan_job_failures_total{queue="drafts"}') === 1 &&
        sample(text, 'commonplan_jobs_failed_for_good_total{queue="drafts"}') === 1
      );
    }, 30_000);
    expect(text).toContain('# TYPE commonplan_jobs_failed_for_good_total counter');
    for (const queue of ['mail', 'maintenance', 'exports'])
      expect(sample(text, `commonplan_jobs_failed_for_good_total{queue="${queue}"}`)).toBe(0);
    expect(sample(text, 'commonplan_queue_jobs{queue="drafts",state="waiting"}')).toBe(0);
  });
});
