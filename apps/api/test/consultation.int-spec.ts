import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  londonDate,
  type ApiErrorBody,
  type AuditEventView,
  type ConsultationResponseView,
  type ConsultationView,
  type Page,
  type PlanDashboardView,
  type PublicConsultationView,
} from '@commonplan/domain';
import { paragraphsToJson } from '@commonplan/editor';
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
  type TestFootprint,
  type TestPlan,
  type TestUser,
} from '@commonplan/testing';
import { Queue } from 'bullmq';
import type pg from 'pg';
import { eventually } from './collab-test-client.js';
import { aReadyDraft, writeText } from './publishing-helpers.js';

useOwnDatabase();

/**
 * Public consultation, end to end: a lead publishes a draft and opens a consultation on it;
 * anyone responds without signing in; responses are checked, rate-limited in Redis, held as
 * pending or spam; leads accept or reject them, see the counts on the dashboard and export CSV.
 */

const redisPrefix = () => `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}consultation-${unique()}:`;

function day(offset: number): string {
  return londonDate(new Date(Date.now() + offset * 86_400_000));
}

/** Reads CSV as RFC 4180 says, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The CSV as bytes (a fetch reading text would drop the byte order mark) and as text after it. */
async function csvOf(client: ApiClient, path: string) {
  const response = await fetch(`${client.baseUrl}${path}`, {
    headers: { cookie: `cp_session=${client.sessionCookie}` },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text: bytes.subarray(3).toString('utf8'),
  };
}

interface Published {
  footprint: TestFootprint;
  plan: TestPlan;
  lead: ApiClient;
  sectionIds: string[];
  base: string;
}

describe('consultation', () => {
  let db: pg.Client;
  let make: Factories;
  let api: RunningApi;
  let worker: RunningApi;
  let anonymous: ApiClient;
  let prefix: string;

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    prefix = redisPrefix();
    const env = {
      REDIS_PREFIX: prefix,
      CONSULTATION_MIN_FILL_SECONDS: '0',
      CONSULTATION_RESPONSES_PER_IP_PER_HOUR: '1000',
    };
    [api, worker] = await Promise.all([startApi({ env }), startApi({ entry: 'worker', env })]);
    anonymous = new ApiClient(api.baseUrl);
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db?.end();
  });

  async function aPlanWithSections(leadUser: TestUser, footprint: TestFootprint, titles: string[]) {
    const plan = await make.aPlan(footprint.id);
    const sectionIds: string[] = [];
    for (const title of titles) {
      const section = await make.aSection(plan.id, { title });
      await writeText(db, section.id, paragraphsToJson([`The text of ${title}.`]));
      sectionIds.push(section.id);
    }
    return { plan, sectionIds };
  }

  /** A ready draft of the plan, published through the publishing API. */
  async function publish(lead: ApiClient, planId: string): Promise<void> {
    const draft = await aReadyDraft(lead, planId, 'For consultation');
    const published = await lead.post(`/api/drafts/${draft.id}/publish`, {});
    expect(published.status).toBe(201);
  }

  async function aPublishedPlan(
    options: { footprint?: TestFootprint; leadUser?: TestUser } = {},
  ): Promise<Published & { leadUser: TestUser }> {
    const leadUser = options.leadUser ?? (await make.aUser());
    const footprint =
      options.footprint ?? (await make.aFootprint({ members: { lead: [leadUser] } }));
    const { plan, sectionIds } = await aPlanWithSections(leadUser, footprint, [
      'Mental health',
      'Urgent care',
    ]);
    const lead = await signedIn(new ApiClient(api.baseUrl), leadUser);
    await publish(lead, plan.id);
    return {
      footprint,
      plan,
      lead,
      leadUser,
      sectionIds,
      base: `/api/public/footprints/${footprint.slug}/plans/${plan.slug}/consultation`,
    };
  }

  async function openToday(published: Published): Promise<void> {
    const opened = await published.lead.put<ConsultationView>(
      `/api/plans/${published.plan.id}/consultation`,
      { opensOn: day(0), closesOn: day(30) },
    );
    expect(opened.status).toBe(200);
  }

  async function respond(
    client: ApiClient,
    base: string,
    fields: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) {
    const form = (await client.get<PublicConsultationView>(base)).body;
    return client.request<ApiErrorBody & { received?: true; status: string }>(
      'POST',
      `${base}/responses`,
      { respondentType: 'public', formToken: form.formToken, website: '', ...fields },
      headers,
    );
  }

  async function statusesOf(planId: string): Promise<Array<{ body: string; status: string }>> {
    const { rows } = await db.query<{ body: string; status: string }>(
      'SELECT body, status FROM consultation_responses WHERE plan_id = $1 ORDER BY created_at',
      [planId],
    );
    return rows;
  }

  it('shows nothing for an unknown or unpublished plan, and the sections of a published one', async () => {
    const leadUser = await make.aUser();
    const footprint = await make.aFootprint({ members: { lead: [leadUser] } });
    const unpublished = await make.aPlan(footprint.id);
    const notPublished = await anonymous.get<ApiErrorBody>(
      `/api/public/footprints/${footprint.slug}/plans/${unpublished.slug}/consultation`,
    );
    expect(notPublished.status).toBe(404);
    expect(notPublished.body.code).toBe('consultation_not_found');
    expect(
      (await anonymous.get(`/api/public/footprints/no-such-place/plans/no-plan/consultation`))
        .status,
    ).toBe(404);

    const published = await aPublishedPlan({ footprint, leadUser });
    const view = await anonymous.get<PublicConsultationView>(published.base);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      footprint: { slug: footprint.slug },
      plan: { slug: published.plan.slug },
      publication: { number: 1 },
      consultation: null,
      sections: [
        { id: published.sectionIds[0], title: 'Mental health' },
        { id: published.sectionIds[1], title: 'Urgent care' },
      ],
      contactRetentionDays: 90,
    });
    expect(view.body.formToken).toMatch(/^\d+\./);
    // Each form gets its own token, and the dates must be current: never kept by a cache.
    expect(view.headers.get('cache-control')).toBe('no-store');

    const refused = await respond(anonymous, published.base, {
      body: 'There is no consultation open yet, so this cannot be taken.',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('consultation_none');
  });

  it('only a lead of the footprint opens a consultation, with real dates, on a published plan', async () => {
    const published = await aPublishedPlan();
    const path = `/api/plans/${published.plan.id}/consultation`;
    const author = await make.aUser();
    await make.aMembership(published.footprint.id, author.id, 'author');
    const asAuthor = await signedIn(new ApiClient(api.baseUrl), author);
    expect((await asAuthor.put(path, { opensOn: day(0), closesOn: day(1) })).status).toBe(403);
    expect((await asAuthor.get(path)).status).toBe(403);
    const otherLead = (await aPublishedPlan()).lead;
    expect((await otherLead.put(path, { opensOn: day(0), closesOn: day(1) })).status).toBe(404);

    const backwards = await published.lead.put<ApiErrorBody>(path, {
      opensOn: day(5),
      closesOn: day(1),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.field).toBe('closesOn');
    const notADate = await published.lead.put<ApiErrorBody>(path, {
      opensOn: '2026-02-30',
      closesOn: day(1),
    });
    expect(notADate.status).toBe(400);
    expect(notADate.body.field).toBe('opensOn');

    const unpublished = await make.aPlan(published.footprint.id);
    const refused = await published.lead.put<ApiErrorBody>(
      `/api/plans/${unpublished.id}/consultation`,
      { opensOn: day(0), closesOn: day(1) },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/Publish a draft/);
  });

  it('takes responses only between the dates, and not after a lead closes it early', async () => {
    const published = await aPublishedPlan();
    const path = `/api/plans/${published.plan.id}/consultation`;
    const body = 'Our surgery needs longer opening hours on Saturdays.';

    await published.lead.put(path, { opensOn: day(2), closesOn: day(20) });
    expect((await anonymous.get<PublicConsultationView>(published.base)).body.consultation).toEqual(
      {
        opensOn: day(2),
        closesOn: day(20),
        closedEarlyAt: null,
        state: 'not_open_yet',
      },
    );
    const early = await respond(anonymous, published.base, { body });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('consultation_not_open_yet');
    expect(early.body.message).toMatch(/opens on/);

    await published.lead.put(path, { opensOn: day(-1), closesOn: day(20) });
    expect((await respond(anonymous, published.base, { body })).status).toBe(201);

    const closed = await published.lead.post<ConsultationView>(`${path}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.consultation?.state).toBe('closed');
    const late = await respond(anonymous, published.base, { body: `${body} Again.` });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('consultation_closed');
    expect((await published.lead.post(`${path}/close`)).status).toBe(409);

    await published.lead.put(path, { opensOn: day(-1), closesOn: day(10) });
    expect((await respond(anonymous, published.base, { body: `${body} Reopened.` })).status).toBe(
      201,
    );

    const { rows } = await db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'consultation.%' ORDER BY id`,
      [published.plan.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'consultation.opened',
      'consultation.dates_changed',
      'consultation.closed',
      'consultation.dates_changed',
    ]);
    // The footprint's activity feed shows them with the plan's other events.
    const feed = await published.lead.get<Page<AuditEventView>>(
      `/api/footprints/${published.footprint.slug}/audit?kind=plans&planId=${published.plan.id}`,
    );
    expect(feed.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['consultation.opened', 'consultation.closed', 'plan.published']),
    );
  });

  it('tells a person which field to correct, and stores nothing until it is right', async () => {
    const published = await aPublishedPlan();
    await openToday(published);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [
        { respondentType: 'robot', body: 'A long enough response.' },
        'respondentType',
        /who you are/,
      ],
      [
        { respondentType: 'organisation', body: 'A long enough response.' },
        'organisationName',
        /organisation/,
      ],
      [{ email: 'not-an-email', body: 'A long enough response.' }, 'email', /correct format/],
      [{ body: 'Too short' }, 'body', /at least 10/],
      [{ body: 'x'.repeat(5_001) }, 'body', /5,000 characters or fewer/],
      [
        { sectionId: '00000000-0000-4000-8000-000000000000', body: 'A long enough response.' },
        'sectionId',
        /section/,
      ],
      [{ formToken: '', body: 'A long enough response.' }, 'formToken', /reload the page/],
    ];
    for (const [fields, field, message] of cases) {
      const response = await respond(anonymous, published.base, fields);
      expect({ field, status: response.status, got: response.body.field }).toEqual({
        field,
        status: 400,
        got: field,
      });
      expect(response.body.message).toMatch(message);
    }
    for (const odd of [[], 'text', { respondentType: 'public', body: 12345678901, name: 7 }]) {
      const response = await anonymous.post<ApiErrorBody>(`${published.base}/responses`, odd);
      expect(response.status).toBe(400);
      expect(response.body.message).toBeTruthy();
    }
    expect(await statusesOf(published.plan.id)).toEqual([]);

    const organisation = await respond(anonymous, published.base, {
      respondentType: 'organisation',
      organisationName: 'Swindon Carers Centre',
      name: 'Asha Patel',
      email: 'asha@example.org',
      sectionId: published.sectionIds[1],
      body: 'Carers need a say in discharge planning.',
    });
    expect(organisation.status).toBe(201);
    expect(organisation.body).toEqual({ received: true, status: 'pending' });
    const { rows } = await db.query(
      `SELECT respondent_type, organisation_name, name, email, section_id, section_title, status,
              publication_id = (SELECT id FROM plan_publications WHERE plan_id = $1) AS on_publication
         FROM consultation_responses WHERE plan_id = $1`,
      [published.plan.id],
    );
    expect(rows).toEqual([
      {
        respondent_type: 'organisation',
        organisation_name: 'Swindon Carers Centre',
        name: 'Asha Patel',
        email: 'asha@example.org',
        section_id: published.sectionIds[1],
        section_title: 'Urgent care',
        status: 'pending',
        on_publication: true,
      },
    ]);
  });

  it('holds spam without telling the sender, and never counts it', async () => {
    const published = await aPublishedPlan();
    await openToday(published);
    const honest = 'Please publish the waiting times for each hospital.';
    expect((await respond(anonymous, published.base, { body: honest })).status).toBe(201);
    const again = await respond(anonymous, published.base, { body: `  ${honest.toUpperCase()} ` });
    const bot = await respond(anonymous, published.base, {
      body: 'Great plan, visit my site for deals.',
      website: 'https://spam.example',
    });
    const forged = await respond(anonymous, published.base, {
      body: 'A response sent without the real form.',
      formToken: `${Date.now() - 60_000}.${'A'.repeat(43)}`,
    });
    const shortened = await respond(anonymous, published.base, {
      body: 'Read all about it at https://bit.ly/3xYzAbC today.',
    });
    for (const response of [again, bot, forged, shortened]) {
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ received: true, status: 'pending' });
    }
    const { rows } = await db.query<{ status: string; spam_reasons: string[] }>(
      'SELECT status, spam_reasons FROM consultation_responses WHERE plan_id = $1 ORDER BY created_at',
      [published.plan.id],
    );
    expect(rows).toEqual([
      { status: 'pending', spam_reasons: [] },
      { status: 'spam', spam_reasons: ['repeated_text'] },
      { status: 'spam', spam_reasons: ['honeypot_filled'] },
      { status: 'spam', spam_reasons: ['form_token_invalid'] },
      { status: 'spam', spam_reasons: ['url_shortener'] },
    ]);
    const dashboard = (
      await published.lead.get<PlanDashboardView>(`/api/plans/${published.plan.id}/dashboard`)
    ).body;
    expect(dashboard.consultation).toMatchObject({ pending: 1, accepted: 0 });
  });

  it('a lead moderates responses, pending first, and sees the counts per section on the dashboard', async () => {
    const published = await aPublishedPlan();
    await openToday(published);
    const [mentalHealth, urgentCare] = published.sectionIds as [string, string];
    const sent = [
      { sectionId: mentalHealth, body: 'More talking therapies in Chippenham, please.' },
      { sectionId: mentalHealth, body: 'Crisis support at night is hard to reach.' },
      { sectionId: urgentCare, body: 'The walk-in centre should stay in the town centre.' },
      { body: 'The plan as a whole is hard to follow for the public.' },
    ];
    for (const fields of sent)
      expect((await respond(anonymous, published.base, fields)).status).toBe(201);

    const responsesPath = `/api/plans/${published.plan.id}/consultation/responses`;
    const all = (await published.lead.get<Page<ConsultationResponseView>>(responsesPath)).body;
    expect(all.total).toBe(4);
    const byBody = new Map(all.items.map((r) => [r.body, r]));
    const first = byBody.get(sent[0]!.body)!;
    const second = byBody.get(sent[1]!.body)!;
    const third = byBody.get(sent[2]!.body)!;

    const author = await make.aUser();
    await make.aMembership(published.footprint.id, author.id, 'author');
    const asAuthor = await signedIn(new ApiClient(api.baseUrl), author);
    expect((await asAuthor.get(responsesPath)).status).toBe(403);
    expect(
      (await asAuthor.post(`${responsesPath}/${first.id}/decision`, { decision: 'accept' })).status,
    ).toBe(403);
    const otherLead = (await aPublishedPlan()).lead;
    expect(
      (await otherLead.post(`${responsesPath}/${first.id}/decision`, { decision: 'accept' }))
        .status,
    ).toBe(404);
    expect((await otherLead.get(responsesPath)).status).toBe(404);

    const accepted = await published.lead.post<ConsultationResponseView>(
      `${responsesPath}/${first.id}/decision`,
      { decision: 'accept' },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      moderatedBy: { id: published.leadUser.id },
      sectionTitle: 'Mental health',
      publicationNumber: 1,
    });
    expect(
      (await published.lead.post(`${responsesPath}/${third.id}/decision`, { decision: 'reject' }))
        .body,
    ).toMatchObject({ status: 'rejected' });
    const badDecision = await published.lead.post<ApiErrorBody>(
      `${responsesPath}/${second.id}/decision`,
      { decision: 'maybe' },
    );
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.field).toBe('decision');

    const listed = (await published.lead.get<Page<ConsultationResponseView>>(responsesPath)).body;
    expect(listed.items.map((r) => r.status)).toEqual([
      'pending',
      'pending',
      'rejected',
      'accepted',
    ]);
    const pendingOnMentalHealth = (
      await published.lead.get<Page<ConsultationResponseView>>(
        `${responsesPath}?status=pending&section=${mentalHealth}`,
      )
    ).body;
    expect(pendingOnMentalHealth.items.map((r) => r.id)).toEqual([second.id]);
    const whole = (
      await published.lead.get<Page<ConsultationResponseView>>(`${responsesPath}?section=whole`)
    ).body;
    expect(whole.items.map((r) => r.body)).toEqual([sent[3]!.body]);

    const dashboard = (
      await published.lead.get<PlanDashboardView>(`/api/plans/${published.plan.id}/dashboard`)
    ).body;
    expect(dashboard.consultation).toMatchObject({
      state: 'open',
      accepted: 1,
      pending: 2,
      bySection: [
        { sectionId: null, title: 'The whole draft', accepted: 0, pending: 1 },
        { sectionId: mentalHealth, title: 'Mental health', accepted: 1, pending: 1 },
        { sectionId: urgentCare, title: 'Urgent care', accepted: 0, pending: 0 },
      ],
    });
    // Authors see the counts too; only leads see the responses.
    expect(
      (await asAuthor.get<PlanDashboardView>(`/api/plans/${published.plan.id}/dashboard`)).body
        .consultation?.accepted,
    ).toBe(1);

    const { rows } = await db.query<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM audit_events
        WHERE action LIKE 'consultation.response_%' AND details->>'planId' = $1 ORDER BY id`,
      [published.plan.id],
    );
    expect(rows).toEqual([
      { action: 'consultation.response_accepted', entity_id: first.id },
      { action: 'consultation.response_rejected', entity_id: third.id },
    ]);
  });

  it('exports responses as CSV a spreadsheet opens safely, filtered by status', async () => {
    const published = await aPublishedPlan();
    await openToday(published);
    const tricky =
      '=HYPERLINK("https://evil.example","Click") and "quotes", commas,\nand a new line';
    await respond(anonymous, published.base, {
      respondentType: 'organisation',
      organisationName: '+Wiltshire, "Healthwatch"',
      name: 'Zoë Brontë',
      email: 'zoe@example.org',
      sectionId: published.sectionIds[0],
      body: tricky,
    });
    await respond(anonymous, published.base, { body: 'A plain response about GP access.' });
    const path = `/api/plans/${published.plan.id}/consultation/responses`;
    const plain = (await published.lead.get<Page<ConsultationResponseView>>(path)).body.items.find(
      (r) => r.body.startsWith('A plain'),
    )!;
    await published.lead.post(`${path}/${plain.id}/decision`, { decision: 'accept' });

    const exported = await csvOf(published.lead, `${path}.csv`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    expect([...exported.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(exported.text);
    expect(rows[0]).toEqual([
      'Received',
      'Status',
      'Responding as',
      'Organisation',
      'Name',
      'Email',
      'Section',
      'Publication',
      'Response',
      'Spam reasons',
      'Decided',
      'Decided by',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(1, 10)).toEqual([
      'pending',
      'On behalf of an organisation',
      `'+Wiltshire, "Healthwatch"`,
      'Zoë Brontë',
      'zoe@example.org',
      'Mental health',
      '1',
      `'${tricky}`,
      '',
    ]);
    expect(rows[2]!.slice(1, 3)).toEqual(['accepted', 'A member of the public']);
    expect(rows[2]![11]).toBe(published.leadUser.name);

    const acceptedOnly = parseCsv(
      (await csvOf(published.lead, `${path}.csv?status=accepted`)).text,
    );
    expect(acceptedOnly.slice(1).map((row) => row[8])).toEqual([plain.body]);
    expect((await published.lead.get<ApiErrorBody>(`${path}.csv?status=maybe`)).status).toBe(400);
  });

  it('erases names and email addresses once the retention period after closing has passed', async () => {
    const closedLongAgo = await aPublishedPlan();
    const stillOpen = await aPublishedPlan();
    for (const published of [closedLongAgo, stillOpen]) {
      await openToday(published);
      await respond(anonymous, published.base, {
        name: 'Sam Jones',
        email: 'sam@example.org',
        body: `My view on plan ${published.plan.slug}: more district nurses.`,
      });
    }
    await closedLongAgo.lead.put(`/api/plans/${closedLongAgo.plan.id}/consultation`, {
      opensOn: day(-200),
      closesOn: day(-91),
    });

    const queue = new Queue('maintenance', {
      connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      prefix: `${prefix}bull`,
    });
    try {
      const job = await queue.add('consultation.contacts-erase', {});
      await eventually(() => job.isCompleted(), 15_000);
    } finally {
      await queue.close();
    }
    const contacts = async (planId: string) =>
      (
        await db.query<{
          name: string | null;
          email: string | null;
          erased: boolean;
          body: string;
        }>(
          `SELECT name, email, contact_erased_at IS NOT NULL AS erased, body
             FROM consultation_responses WHERE plan_id = $1`,
          [planId],
        )
      ).rows[0];
    expect(await contacts(closedLongAgo.plan.id)).toMatchObject({
      name: null,
      email: null,
      erased: true,
      body: expect.stringContaining('more district nurses') as unknown,
    });
    expect(await contacts(stillOpen.plan.id)).toMatchObject({
      name: 'Sam Jones',
      email: 'sam@example.org',
      erased: false,
    });
  });

  describe('rate limits', () => {
    let limited: RunningApi;

    beforeAll(async () => {
      limited = await startApi({
        env: {
          REDIS_PREFIX: redisPrefix(),
          CONSULTATION_MIN_FILL_SECONDS: '0',
          CONSULTATION_RESPONSES_PER_IP_PER_HOUR: '2',
          CONSULTATION_RESPONSES_PER_PLAN_PER_HOUR: '3',
          TRUST_PROXY: 'true',
        },
      });
    });

    afterAll(async () => {
      await limited?.stop();
    });

    it('limits responses per client address behind the proxy, then per plan, with Retry-After', async () => {
      const published = await aPublishedPlan();
      await openToday(published);
      const client = new ApiClient(limited.baseUrl);
      const from = (ip: string, n: number) =>
        respond(
          client,
          published.base,
          { body: `Response number ${n} from ${ip}.` },
          {
            'x-forwarded-for': ip,
          },
        );

      expect((await from('203.0.113.7', 1)).status).toBe(201);
      expect((await from('203.0.113.7', 2)).status).toBe(201);
      const tooMany = await from('203.0.113.7', 3);
      expect(tooMany.status).toBe(429);
      expect(tooMany.body.code).toBe('consultation_rate_limited');
      expect(tooMany.body.message).toMatch(/Try again in \d+ minutes?/);
      const retryAfter = Number(tooMany.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(3000);
      expect(retryAfter).toBeLessThanOrEqual(3600);

      // Another person behind the same proxy is not held up by the first...
      expect((await from('198.51.100.20', 4)).status).toBe(201);
      // ...until the plan as a whole has taken its hourly limit.
      const planFull = await from('198.51.100.21', 5);
      expect(planFull.status).toBe(429);
      expect(planFull.body.message).toMatch(/This plan is taking/);
      expect(await statusesOf(published.plan.id)).toHaveLength(3);
    });
  });
});
