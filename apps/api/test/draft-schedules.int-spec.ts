import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  DraftScheduleResponse,
  DraftScheduleView,
  DraftSummary,
  NotificationsPage,
} from '@commonplan/domain';
import { initialContentUpdate, paragraphsToJson } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  unique,
  type Factories,
  type RunningApi,
  type TestPlan,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import { eventually } from './collab-test-client.js';

useOwnDatabase();

/**
 * Drafts on a schedule, end to end: a lead sets the schedule over REST, and the real worker (two
 * of them, on one Redis) finds it due through BullMQ's job scheduler and makes the draft. A
 * schedule is made due by moving its next run into the past in PostgreSQL, which is what time
 * passing does; everything after that is the worker's own.
 */
describe('draft schedules', () => {
  let db: pg.Client;
  let make: Factories;
  let api: RunningApi;
  const workers: RunningApi[] = [];

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    const env = {
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}schedules-${unique()}:`,
      DRAFT_SCHEDULES_CHECK_SECONDS: '1',
      DRAFTS_RETRY_DELAY_MS: '50',
    };
    // One after another, with time to spare: the machine running the tests may be busy.
    api = await startApi({ env, timeoutMs: 60_000 });
    for (let i = 0; i < 2; i++)
      workers.push(await startApi({ entry: 'worker', env, timeoutMs: 60_000 }));
  }, 200_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), ...workers.map((worker) => worker.stop())]);
    await db?.end();
  });

  async function aPlanWithText(): Promise<{
    lead: TestUser;
    otherLead: TestUser;
    author: TestUser;
    plan: TestPlan;
    sectionId: string;
    client: ApiClient;
  }> {
    const [lead, otherLead, author] = await Promise.all([make.aUser(), make.aUser(), make.aUser()]);
    const footprint = await make.aFootprint({
      members: { lead: [lead, otherLead], author: [author] },
    });
    const plan = await make.aPlan(footprint.id);
    const section = await make.aSection(plan.id, { title: 'Prevention' });
    await writeText(section.id, 'Fewer people start smoking.');
    const client = await signedIn(new ApiClient(api.baseUrl), lead);
    return { lead, otherLead, author, plan, sectionId: section.id, client };
  }

  async function writeText(sectionId: string, text: string): Promise<void> {
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      sectionId,
      Buffer.from(initialContentUpdate(paragraphsToJson([text]))),
    ]);
  }

  const weekdaysAt1800 = {
    days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    time: '18:00',
    onlyIfChanged: true,
    enabled: true,
    labelPattern: 'Scheduled draft, {date}',
  };

  /** Makes the schedule due a moment ago, and waits until a worker has run it. */
  /** The instant each plan's schedule last ran at in this file: a run's instant is its draft's key. */
  const lastRuns = new Map<string, string>();

  async function runNow(client: ApiClient, planId: string): Promise<DraftScheduleView> {
    // Two runs in the same second would be one slot, which makes one draft by design: wait for
    // the next second so each run here is a slot of its own.
    let due = '';
    for (;;) {
      const { rows } = await db.query<{ due: Date }>(
        `SELECT date_trunc('second', now()) - interval '1 second' AS due`,
      );
      due = rows[0]!.due.toISOString();
      if (due !== lastRuns.get(planId)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    lastRuns.set(planId, due);
    await db.query('UPDATE draft_schedules SET next_run_at = $2 WHERE plan_id = $1', [planId, due]);
    let schedule: DraftScheduleView | null = null;
    await eventually(async () => {
      schedule = (await client.get<DraftScheduleResponse>(`/api/plans/${planId}/draft-schedule`))
        .body.schedule;
      return schedule?.lastRunAt === due;
    }, 20_000);
    return schedule!;
  }

  async function draftsOf(client: ApiClient, planId: string): Promise<DraftSummary[]> {
    return (await client.get<DraftSummary[]>(`/api/plans/${planId}/drafts`)).body;
  }

  it('a lead sets, reads and removes a schedule, and is told its next run in UK time', async () => {
    const { plan, client } = await aPlanWithText();
    expect(
      (await client.get<DraftScheduleResponse>(`/api/plans/${plan.id}/draft-schedule`)).body,
    ).toEqual({ schedule: null });

    const put = await client.put<DraftScheduleView>(
      `/api/plans/${plan.id}/draft-schedule`,
      weekdaysAt1800,
    );
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ ...weekdaysAt1800, timeZone: 'Europe/London' });
    const next = new Date(put.body.nextRunAt!);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    const ukTime = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'long',
    }).format(next);
    expect(ukTime).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday) 18:00$/);

    const off = await client.put<DraftScheduleView>(`/api/plans/${plan.id}/draft-schedule`, {
      ...weekdaysAt1800,
      enabled: false,
    });
    expect(off.body.nextRunAt).toBeNull();

    expect((await client.delete(`/api/plans/${plan.id}/draft-schedule`)).status).toBe(204);
    expect(
      (await client.get<DraftScheduleResponse>(`/api/plans/${plan.id}/draft-schedule`)).body,
    ).toEqual({ schedule: null });
  });

  it('refuses a schedule with no days, a time that is not a time, or no label, saying which', async () => {
    const { plan, client } = await aPlanWithText();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ ...weekdaysAt1800, days: [] }, 'days', /at least one day/],
      [{ ...weekdaysAt1800, days: ['funday'] }, 'days', /days of the week/],
      [{ ...weekdaysAt1800, time: '25:00' }, 'time', /HH:MM, such as 18:00/],
      [{ ...weekdaysAt1800, time: '6pm' }, 'time', /HH:MM/],
      [{ ...weekdaysAt1800, labelPattern: '  ' }, 'labelPattern', /say what the drafts are/],
      [{ ...weekdaysAt1800, onlyIfChanged: 'yes' }, 'onlyIfChanged', /true or false/],
    ];
    for (const [body, field, message] of cases) {
      const response = await client.put<{ field?: string; message: string }>(
        `/api/plans/${plan.id}/draft-schedule`,
        body,
      );
      expect(response.status).toBe(400);
      expect(response.body.field).toBe(field);
      expect(response.body.message).toMatch(message);
    }
  });

  it('only a lead may set or remove the schedule; an author may read it', async () => {
    const { plan, client, author } = await aPlanWithText();
    await client.put(`/api/plans/${plan.id}/draft-schedule`, weekdaysAt1800);
    const asAuthor = await signedIn(new ApiClient(api.baseUrl), author);
    expect(
      (await asAuthor.put(`/api/plans/${plan.id}/draft-schedule`, weekdaysAt1800)).status,
    ).toBe(403);
    expect((await asAuthor.delete(`/api/plans/${plan.id}/draft-schedule`)).status).toBe(403);
    const read = await asAuthor.get<DraftScheduleResponse>(`/api/plans/${plan.id}/draft-schedule`);
    expect(read.body.schedule?.time).toBe('18:00');
  });

  it('a schedule that falls due makes exactly one draft, asked for by the schedule, and none when nothing changed', async () => {
    const { plan, client, sectionId } = await aPlanWithText();
    await client.put(`/api/plans/${plan.id}/draft-schedule`, weekdaysAt1800);

    const first = await runNow(client, plan.id);
    expect(first.lastOutcome).toBe('made');
    let drafts = await draftsOf(client, plan.id);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ number: 1, requestedBy: null });
    expect(drafts[0]!.label).toMatch(/^Scheduled draft, \w+day \d{1,2} \w+ \d{4}$/);
    expect(first.lastDraftId).toBe(drafts[0]!.id);
    // Its next run is a weekday at 18:00 again, in the future.
    expect(new Date(first.nextRunAt!).getTime()).toBeGreaterThan(Date.now());
    await eventually(async () => (await draftsOf(client, plan.id))[0]?.status === 'ready', 20_000);

    // Nothing changed since: the next run makes no draft.
    const second = await runNow(client, plan.id);
    expect(second.lastOutcome).toBe('unchanged');
    expect(await draftsOf(client, plan.id)).toHaveLength(1);

    // Compacting the section's log changes how the text is stored, not what it says.
    await db.query(
      `INSERT INTO section_documents (section_id, snapshot, snapshot_seq)
       SELECT section_id, update, seq FROM section_updates WHERE section_id = $1`,
      [sectionId],
    );
    await db.query('DELETE FROM section_updates WHERE section_id = $1', [sectionId]);
    expect((await runNow(client, plan.id)).lastOutcome).toBe('unchanged');

    // An edit: the next run makes draft 2.
    await writeText(sectionId, 'And more people stop.');
    expect((await runNow(client, plan.id)).lastOutcome).toBe('made');
    drafts = await draftsOf(client, plan.id);
    expect(drafts.map((draft) => draft.number)).toEqual([2, 1]);
  });

  it('a schedule that makes drafts whether or not anything changed makes one each run', async () => {
    const { plan, client } = await aPlanWithText();
    await client.put(`/api/plans/${plan.id}/draft-schedule`, {
      ...weekdaysAt1800,
      onlyIfChanged: false,
    });
    await runNow(client, plan.id);
    await runNow(client, plan.id);
    expect((await draftsOf(client, plan.id)).map((draft) => draft.number)).toEqual([2, 1]);
  });

  it('a run handled twice still makes one draft: the run is the draft’s request key', async () => {
    const { plan, client } = await aPlanWithText();
    await client.put(`/api/plans/${plan.id}/draft-schedule`, {
      ...weekdaysAt1800,
      onlyIfChanged: false,
    });
    const run = new Date(Date.now() - 60_000);
    run.setUTCMilliseconds(0);
    for (let time = 0; time < 2; time++) {
      // As if the run's first handling had not moved the next run on.
      await db.query('UPDATE draft_schedules SET next_run_at = $2 WHERE plan_id = $1', [
        plan.id,
        run,
      ]);
      await eventually(async () => {
        const { rows } = await db.query<{ next_run_at: Date }>(
          'SELECT next_run_at FROM draft_schedules WHERE plan_id = $1',
          [plan.id],
        );
        return rows[0]!.next_run_at.getTime() > Date.now();
      }, 20_000);
    }
    const drafts = await draftsOf(client, plan.id);
    expect(drafts).toHaveLength(1);
    const { rows } = await db.query<{ request_key: string }>(
      'SELECT request_key FROM plan_drafts WHERE plan_id = $1',
      [plan.id],
    );
    expect(rows).toEqual([{ request_key: `schedule:${run.toISOString()}` }]);
  });

  it("tells the plan's leads when a scheduled draft is ready, with a link to it", async () => {
    const { plan, client, otherLead, author } = await aPlanWithText();
    await client.put(`/api/plans/${plan.id}/draft-schedule`, weekdaysAt1800);
    const { lastDraftId } = await runNow(client, plan.id);
    const other = await signedIn(new ApiClient(api.baseUrl), otherLead);
    for (const person of [client, other]) {
      let page: NotificationsPage | null = null;
      await eventually(async () => {
        page = (await person.get<NotificationsPage>('/api/notifications')).body;
        return page.items.some((item) => item.kind === 'draft_ready');
      }, 20_000);
      const ready = page!.items.filter((item) => item.kind === 'draft_ready');
      expect(ready).toHaveLength(1);
      expect(ready[0]).toMatchObject({ planId: plan.id, link: `/drafts/${lastDraftId}` });
      expect(ready[0]!.text).toMatch(/^Scheduled draft 1 of .* is ready$/);
    }
    const asAuthor = await signedIn(new ApiClient(api.baseUrl), author);
    const authorPage = (await asAuthor.get<NotificationsPage>('/api/notifications')).body;
    expect(authorPage.items.filter((item) => item.kind === 'draft_ready')).toHaveLength(0);
  });
});
