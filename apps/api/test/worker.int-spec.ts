import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  startApi,
  startSmtpSink,
  type RunningApi,
  type SmtpSink,
} from '@commonplan/testing';
import { Queue } from 'bullmq';
import { initialContentUpdate, paragraphsToJson } from '@commonplan/editor';
import type pg from 'pg';
import { factories, signedIn, unique, type Factories } from '@commonplan/testing';

useOwnDatabase();

/** The worker process runs the jobs the API queues, against the same database and Redis. */
describe('the worker', () => {
  let db: pg.Client;
  let make: Factories;
  let smtp: SmtpSink;
  let api: RunningApi;
  let worker: RunningApi;
  const prefix = `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}worker-${unique()}:`;

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    smtp = await startSmtpSink();
    const env = {
      SMTP_URL: smtp.url,
      REDIS_PREFIX: prefix,
      MAIL_FROM: 'Commonplan <plans@commonplan.test>',
      DASHBOARD_WORDS_EVERY_SECONDS: '1',
    };
    const started = await Promise.allSettled([
      startApi({ env }),
      startApi({ entry: 'worker', env }),
    ]);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      // Stop whichever process did start, so a failed start leaves nothing running.
      for (const result of started) if (result.status === 'fulfilled') await result.value.stop();
      throw failed.reason;
    }
    [api, worker] = started.map(
      (result) => (result as PromiseFulfilledResult<RunningApi>).value,
    ) as [RunningApi, RunningApi];
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await smtp?.close();
    await db?.end();
  });

  it('mails an invitation when SMTP_URL is set, with the link the lead was shown', async () => {
    const lead = await make.aUser();
    const footprint = await make.aFootprint({ members: { lead: [lead] } });
    const client = await signedIn(new ApiClient(api.baseUrl), lead);
    const invitee = `invitee-${unique()}@example.nhs.uk`;

    const response = await client.post<{ acceptUrl: string; emailed: boolean }>(
      `/api/footprints/${footprint.slug}/invitations`,
      { email: invitee, role: 'author' },
    );
    expect(response.status).toBe(201);
    expect(response.body.emailed).toBe(true);

    const mail = await smtp.waitFor(invitee);
    expect(mail.from).toBe('plans@commonplan.test');
    const body = mail.data.replace(/=\r\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain(`Subject: You are invited to ${footprint.name} on Commonplan`);
    expect(body).toContain(response.body.acceptUrl);
  });

  it('clears out ended sessions when the purge job runs', async () => {
    const user = await make.aUser();
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO sessions (token_hash, user_id, last_seen_at, expires_at)
       VALUES ($1, $2, now() - interval '2 days', now() - interval '1 day') RETURNING id`,
      [unique().padEnd(64, '0'), user.id],
    );
    const queue = new Queue('maintenance', {
      connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      prefix: `${prefix}bull`,
    });
    try {
      const job = await queue.add('sessions.purge', {});
      const deadline = Date.now() + 15_000;
      while (!(await job.isCompleted()) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(await job.isCompleted()).toBe(true);
    } finally {
      await queue.close();
    }
    const left = await db.query('SELECT 1 FROM sessions WHERE id = $1', [rows[0]!.id]);
    expect(left.rowCount).toBe(0);
  });

  it('records each changed section’s words for the day on its own, without anyone opening the dashboard', async () => {
    const lead = await make.aUser();
    const footprint = await make.aFootprint({ members: { lead: [lead] } });
    const plan = await make.aPlan(footprint.id);
    const section = await make.aSection(plan.id);
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      section.id,
      Buffer.from(
        initialContentUpdate(paragraphsToJson(['Four words of text.', 'And three more.'])),
      ),
    ]);
    const recorded = async () =>
      (
        await db.query<{ day: string; words: number }>(
          `SELECT to_char(day, 'YYYY-MM-DD') AS day, words FROM section_daily_words
            WHERE section_id = $1`,
          [section.id],
        )
      ).rows;
    const deadline = Date.now() + 20_000;
    while ((await recorded()).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(await recorded()).toEqual([{ day: new Date().toISOString().slice(0, 10), words: 7 }]);
  });
});
