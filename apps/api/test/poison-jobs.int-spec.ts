import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftExportSummary, DraftSummary, FailedJobsView } from '@commonplan/domain';
import { paragraphsToJson } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  unique,
  type Factories,
} from '@commonplan/testing';
import { Queue } from 'bullmq';
import type pg from 'pg';
import * as Y from 'yjs';
import { eventually } from './collab-test-client.js';
import { aLeadWithAPlan, startPair, waitForStatus, type Setup } from './draft-test-support.js';

useOwnDatabase();

/**
 * Poison jobs, with the real worker: a job that would fail the same way on every try (damaged
 * stored text, data its handler does not take) fails for good on its first try, says why to the
 * lead, shows in the operators' list and metric, and holds up nothing else; a passing failure is
 * still tried again.
 */

const metricsToken = 'metrics-token-for-the-poison-jobs-test';

/** A log row whose earlier changes are missing: the section's text cannot be read whole. */
function orphanUpdate(): Buffer {
  const doc = new Y.Doc();
  doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
  const vector = Y.encodeStateVector(doc);
  doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
  return Buffer.from(Y.encodeStateAsUpdate(doc, vector));
}

describe('poison jobs', () => {
  let db: pg.Client;
  let make: Factories;
  let setup: Setup;
  let admin: ApiClient;
  const queues = new Map<string, Queue>();

  const queue = (name: string) => {
    let found = queues.get(name);
    if (!found) {
      found = new Queue(name, {
        connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
        prefix: `${setup.env.REDIS_PREFIX}bull`,
      });
      queues.set(name, found);
    }
    return found;
  };

  const failedJobs = async () => {
    const response = await admin.get<FailedJobsView>('/api/operations/failed-jobs');
    expect(response.status).toBe(200);
    return response.body;
  };

  const metric = async (series: string) => {
    const text = await (
      await fetch(`${setup.api.baseUrl}/api/metrics`, {
        headers: { authorization: `Bearer ${metricsToken}` },
      })
    ).text();
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    if (!line) throw new Error(`no sample ${series} in:\n${text}`);
    return Number(line.slice(series.length + 1));
  };
  const failedForGood = (queueName: string) =>
    metric(`commonplan_jobs_failed_for_good_total{queue="${queueName}"}`);

  const logsOf = (event: string) => setup.worker.logs.filter((line) => line.event === event);

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    setup = await startPair(
      {
        METRICS_TOKEN: metricsToken,
        EXPORTS_JOB_ATTEMPTS: '3',
        EXPORTS_RETRY_DELAY_MS: '50',
      },
      'poison',
    );
    admin = await signedIn(new ApiClient(setup.api.baseUrl), await make.anAdmin());
  });

  afterAll(async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
    await Promise.all([setup?.api.stop(), setup?.worker.stop()]);
    await db?.end();
  });

  it('a draft of damaged text is tried once and fails for good, while drafts of the same and another plan and an export are made', async () => {
    const damaged = await aLeadWithAPlan(make, db, [
      paragraphsToJson(['Fine text.']),
      paragraphsToJson(['Text that will be damaged.']),
    ]);
    const other = await aLeadWithAPlan(make, db, [paragraphsToJson(['Another partnership.'])]);
    const lead = await signedIn(new ApiClient(setup.api.baseUrl), damaged.lead);
    const otherLead = await signedIn(new ApiClient(setup.api.baseUrl), other.lead);
    const otherFirst = (
      await otherLead.post<DraftSummary>(`/api/plans/${other.plan.id}/drafts`, { label: 'One' })
    ).body;
    await waitForStatus(otherLead, otherFirst.id, 'ready');
    const before = {
      drafts: await failedForGood('drafts'),
      exports: await failedForGood('exports'),
    };

    const {
      rows: [orphan],
    } = await db.query<{ seq: string }>(
      'INSERT INTO section_updates (section_id, update) VALUES ($1, $2) RETURNING seq',
      [damaged.sectionIds[1], orphanUpdate()],
    );
    const poison = (
      await lead.post<DraftSummary>(`/api/plans/${damaged.plan.id}/drafts`, { label: 'Poison' })
    ).body;
    // The poison draft has its copy of the damaged text; the plan itself is mended at once, so a
    // draft of the same plan asked for next can be made.
    await db.query('DELETE FROM section_updates WHERE seq = $1', [orphan!.seq]);
    const [samePlan, otherPlan, pdf] = await Promise.all([
      lead.post<DraftSummary>(`/api/plans/${damaged.plan.id}/drafts`, { label: 'Same plan' }),
      otherLead.post<DraftSummary>(`/api/plans/${other.plan.id}/drafts`, { label: 'Other plan' }),
      otherLead.post<DraftExportSummary>(`/api/drafts/${otherFirst.id}/exports`, {
        format: 'pdf',
      }),
    ]);
    expect([samePlan.status, otherPlan.status, pdf.status]).toEqual([201, 201, 201]);

    const failed = await waitForStatus(lead, poison.id, 'failed');
    expect(failed.failureReason).toBe(
      'The section “Section 2” could not be rendered: its saved text is missing earlier changes. Ask the service operator to restore it, then try again.',
    );
    const made = await waitForStatus(lead, samePlan.body.id, 'ready');
    expect(made.sections.map((s) => s.html)).toEqual([
      '<p>Fine text.</p>',
      '<p>Text that will be damaged.</p>',
    ]);
    await waitForStatus(otherLead, otherPlan.body.id, 'ready');
    await eventually(async () => {
      const list = await otherLead.get<DraftExportSummary[]>(
        `/api/drafts/${otherFirst.id}/exports`,
      );
      return list.body.find((e) => e.format === 'pdf')?.status === 'ready';
    }, 20_000);

    // Tried once though three tries were allowed: BullMQ's count and the draft's agree.
    const job = await queue('drafts').getJob(`draft-${poison.id}`);
    expect(await job!.getState()).toBe('failed');
    expect({ attemptsMade: job!.attemptsMade, allowed: job!.opts.attempts }).toEqual({
      attemptsMade: 1,
      allowed: 3,
    });
    const { rows } = await db.query<{ attempts: number; notices: number }>(
      `SELECT attempts, (SELECT count(*)::int FROM notifications
                          WHERE draft_id = $1 AND kind = 'draft_failed') AS notices
         FROM plan_drafts WHERE id = $1`,
      [poison.id],
    );
    expect(rows[0]).toEqual({ attempts: 1, notices: 1 });
    // Marked failed once, and told to operators once.
    await eventually(() => logsOf('job_failed_for_good').some((l) => l.jobId === job!.id));
    expect(logsOf('draft_failed').filter((l) => l.draftId === poison.id)).toHaveLength(1);
    expect(logsOf('job_failed_for_good').filter((l) => l.jobId === job!.id)).toEqual([
      expect.objectContaining({
        queue: 'drafts',
        jobName: 'draft.generate',
        subject: { kind: 'draft', id: poison.id },
        attempts: 1,
        kind: 'unrecoverable',
        reason: 'damaged_text',
      }),
    ]);

    // Operators see where and why in a word, and nothing of the plan.
    let list: FailedJobsView | undefined;
    await eventually(async () => {
      list = await failedJobs();
      return list.jobs.some((j) => j.jobId === job!.id);
    });
    expect(list!.jobs.find((j) => j.jobId === job!.id)).toEqual({
      queue: 'drafts',
      jobName: 'draft.generate',
      jobId: `draft-${poison.id}`,
      subject: { kind: 'draft', id: poison.id },
      attempts: 1,
      failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      kind: 'unrecoverable',
      reason: 'damaged_text',
    });
    const seen = JSON.stringify(list);
    for (const text of [damaged.plan.title, 'Section 2', 'could not be rendered', 'Fine text'])
      expect(seen).not.toContain(text);
    expect(await failedForGood('drafts')).toBe(before.drafts + 1);
    expect(await failedForGood('exports')).toBe(before.exports);

    // Once the text is put right, Try again makes the draft, and it leaves the operators' list.
    await db.query(
      `UPDATE plan_draft_sections SET source_updates = source_updates[1:1]
        WHERE draft_id = $1 AND section_id = $2`,
      [poison.id, damaged.sectionIds[1]],
    );
    expect((await lead.post(`/api/drafts/${poison.id}/retry`)).status).toBe(200);
    const ready = await waitForStatus(lead, poison.id, 'ready');
    expect(ready.sections.map((s) => s.html)).toEqual(made.sections.map((s) => s.html));
    await eventually(async () => !(await failedJobs()).jobs.some((j) => j.jobId === job!.id));
    expect(await failedForGood('drafts')).toBe(before.drafts + 1);
  }, 60_000);

  it('data a job does not take, or a job nobody handles, fails for good on its first try and the worker carries on', async () => {
    const before = {
      drafts: await failedForGood('drafts'),
      maintenance: await failedForGood('maintenance'),
    };
    const retries = { attempts: 5, backoff: { type: 'fixed', delay: 50 } };
    const malformed = await queue('drafts').add(
      'draft.generate',
      { draftId: 'not-a-draft', extra: true },
      retries,
    );
    const unknown = await queue('maintenance').add('maintenance.no-such-job', {}, retries);

    await eventually(async () => {
      const states = await Promise.all([malformed, unknown].map((j) => j.getState()));
      return states.every((state) => state === 'failed');
    });
    const [badData, nobody] = await Promise.all([
      queue('drafts').getJob(malformed.id!),
      queue('maintenance').getJob(unknown.id!),
    ]);
    expect(badData!.attemptsMade).toBe(1);
    expect(badData!.failedReason).toBe(
      'the payload of job "draft.generate" is not valid: draftId is missing or not valid',
    );
    expect(nobody!.attemptsMade).toBe(1);
    expect(nobody!.failedReason).toBe('no handler for job "maintenance.no-such-job"');

    let list: FailedJobsView | undefined;
    await eventually(async () => {
      list = await failedJobs();
      return [malformed.id, unknown.id].every((id) => list!.jobs.some((j) => j.jobId === id));
    });
    expect(list!.jobs.find((j) => j.jobId === malformed.id)).toMatchObject({
      queue: 'drafts',
      jobName: 'draft.generate',
      subject: null,
      attempts: 1,
      kind: 'unrecoverable',
      reason: 'invalid_payload',
    });
    expect(list!.jobs.find((j) => j.jobId === unknown.id)).toMatchObject({
      queue: 'maintenance',
      jobName: 'maintenance.no-such-job',
      subject: null,
      kind: 'unrecoverable',
      reason: 'unknown_job',
    });
    expect(await failedForGood('drafts')).toBe(before.drafts + 1);
    expect(await failedForGood('maintenance')).toBe(before.maintenance + 1);

    // The same worker process is still up and makes the next draft.
    expect(setup.worker.process.exitCode).toBeNull();
    const { lead, plan } = await aLeadWithAPlan(make, db, [paragraphsToJson(['After.'])]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const next = (await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'x' }))
      .body;
    await waitForStatus(client, next.id, 'ready');
  });

  it('a passing failure is still tried again with backoff, and the draft is made', async () => {
    const { lead, plan } = await aLeadWithAPlan(make, db, [paragraphsToJson(['Text.'])]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    // The database refuses this plan's drafts' final write twice, as it might while failing over.
    const name = `poison_test_${unique().replace(/\W/g, '_')}`;
    await db.query(`CREATE SEQUENCE ${name}`);
    await db.query(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF nextval('${name}') <= 2 THEN RAISE EXCEPTION 'a passing fault made by the test'; END IF;
         RETURN NEW;
       END $$`,
    );
    await db.query(
      `CREATE TRIGGER ${name} BEFORE UPDATE ON plan_drafts FOR EACH ROW
        WHEN (NEW.plan_id = '${plan.id}' AND NEW.status = 'ready') EXECUTE FUNCTION ${name}()`,
    );
    try {
      const before = {
        attempts: await metric('commonplan_job_failures_total{queue="drafts"}'),
        forGood: await failedForGood('drafts'),
      };
      const draft = (
        await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'x' })
      ).body;
      const ready = await waitForStatus(client, draft.id, 'ready');
      expect(ready.sections[0]?.html).toBe('<p>Text.</p>');
      const job = await queue('drafts').getJob(`draft-${draft.id}`);
      expect(job!.attemptsMade).toBe(3);
      const { rows } = await db.query<{ attempts: number }>(
        'SELECT attempts FROM plan_drafts WHERE id = $1',
        [draft.id],
      );
      expect(rows[0]!.attempts).toBe(3);
      expect(await metric('commonplan_job_failures_total{queue="drafts"}')).toBe(
        before.attempts + 2,
      );
      expect(await failedForGood('drafts')).toBe(before.forGood);
      expect((await failedJobs()).jobs.some((j) => j.jobId === job!.id)).toBe(false);
    } finally {
      await db.query(`DROP TRIGGER IF EXISTS ${name} ON plan_drafts`);
      await db.query(`DROP FUNCTION IF EXISTS ${name}()`);
      await db.query(`DROP SEQUENCE IF EXISTS ${name}`);
    }
  });
});
