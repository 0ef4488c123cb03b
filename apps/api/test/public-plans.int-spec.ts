import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiErrorBody,
  PublicFootprintView,
  PublicPlanView,
  PublicationSummary,
} from '@commonplan/domain';
import { paragraphsToJson, type SectionJson } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  type Factories,
  type TestFootprint,
  type TestPlan,
} from '@commonplan/testing';
import type pg from 'pg';
import {
  aReadyDraft,
  replaceText,
  startApiAndWorker,
  writeText,
  type ApiAndWorker,
} from './publishing-helpers.js';

useOwnDatabase();

/**
 * The public read API: no account, the same answer for everyone, only what was published. The
 * planted-marker test over every public endpoint and the page in Chromium is
 * apps/web/e2e/public-plan.e2e-spec.ts.
 */
describe('public pages of published plans', () => {
  let db: pg.Client;
  let make: Factories;
  let running: ApiAndWorker;

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    running = await startApiAndWorker();
  });

  afterAll(async () => {
    await running?.stop();
    await db?.end();
  });

  const anonymous = () => new ApiClient(running.api.baseUrl);

  async function aLeadsPlan(sections: Array<[string, SectionJson]>, title?: string) {
    const lead = await make.aUser();
    const footprint = await make.aFootprint({ members: { lead: [lead] } });
    const plan = await make.aPlan(footprint.id, title ? { title } : {});
    const sectionIds: string[] = [];
    for (const [sectionTitle, text] of sections) {
      const section = await make.aSection(plan.id, { title: sectionTitle });
      await writeText(db, section.id, text);
      sectionIds.push(section.id);
    }
    return { footprint, plan, sectionIds, leadClient: await signedIn(anonymous(), lead) };
  }

  async function publish(leadClient: ApiClient, draftId: string): Promise<PublicationSummary> {
    const response = await leadClient.post<PublicationSummary>(`/api/drafts/${draftId}/publish`);
    expect(response.status).toBe(201);
    return response.body;
  }

  const planPath = (footprint: TestFootprint, plan: TestPlan) =>
    `/api/public/footprints/${footprint.slug}/plans/${plan.slug}`;

  it('anyone reads the latest publication without an account: sections in order, earlier publications and what changed', async () => {
    const { footprint, plan, sectionIds, leadClient } = await aLeadsPlan(
      [
        ['Where we are', paragraphsToJson(['Waits for a diagnosis are too long.'])],
        ['Money', paragraphsToJson(['A balanced budget by 2021.'])],
      ],
      'Healthier together',
    );
    const first = await aReadyDraft(leadClient, plan.id, 'First');
    await publish(leadClient, first.id);
    await replaceText(
      db,
      sectionIds[0]!,
      paragraphsToJson(['Waits for a cancer diagnosis are far too long.']),
    );
    const workforce = await make.aSection(plan.id, { title: 'Workforce' });
    await writeText(db, workforce.id, paragraphsToJson(['We will train 200 nurses.']));
    const second = await aReadyDraft(leadClient, plan.id, 'Second');
    const published = await publish(leadClient, second.id);
    expect(published.publicPath).toBe(`/public/${footprint.slug}/${plan.slug}`);

    const response = await anonymous().get<PublicPlanView>(planPath(footprint, plan));
    expect(response.status).toBe(200);
    const view = response.body;
    expect(view.footprint).toEqual({ name: footprint.name, slug: footprint.slug });
    expect(view.plan).toEqual({ title: 'Healthier together', slug: plan.slug });
    expect(view.publication).toMatchObject({ number: 2, draftNumber: 2, latest: true });
    expect(view.publication.words).toBe(9 + 5 + 5);
    expect(view.sections.map((s) => [s.anchor, s.title, s.html])).toEqual([
      [
        'section-where-we-are',
        'Where we are',
        '<p>Waits for a cancer diagnosis are far too long.</p>',
      ],
      ['section-money', 'Money', '<p>A balanced budget by 2021.</p>'],
      ['section-workforce', 'Workforce', '<p>We will train 200 nurses.</p>'],
    ]);
    expect(view.publications.map((p) => [p.number, p.draftNumber])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(view.changesSincePrevious).toMatchObject({
      previousNumber: 1,
      previousDraftNumber: 1,
      summary: {
        sectionsChanged: 1,
        sectionsAdded: 1,
        sectionsRemoved: 0,
        sectionsUnchanged: 1,
        wordsAdded: 2 + 5,
        wordsRemoved: 0,
      },
    });
    expect(
      view.changesSincePrevious!.sections.map((s) => [s.anchor, s.title, s.change, s.wordsAdded]),
    ).toEqual([
      ['section-where-we-are', 'Where we are', 'changed', 2],
      ['section-workforce', 'Workforce', 'added', 5],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/sectionId|"id"|label|reviewStatus|requestedBy/);

    const earlier = await anonymous().get<PublicPlanView>(
      `${planPath(footprint, plan)}/publications/1`,
    );
    expect(earlier.status).toBe(200);
    expect(earlier.body.publication).toMatchObject({ number: 1, latest: false });
    expect(earlier.body.sections.map((s) => s.html)).toEqual([
      '<p>Waits for a diagnosis are too long.</p>',
      '<p>A balanced budget by 2021.</p>',
    ]);
    expect(earlier.body.changesSincePrevious).toBeNull();

    const list = await anonymous().get<PublicFootprintView>(
      `/api/public/footprints/${footprint.slug}`,
    );
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      footprint: { name: footprint.name, slug: footprint.slug },
      plans: [
        {
          title: 'Healthier together',
          slug: plan.slug,
          latest: { number: 2, draftNumber: 2, publishedAt: view.publication.publishedAt },
        },
      ],
    });
  });

  it('shows the plan title as it was published, not one changed since', async () => {
    const { footprint, plan, leadClient } = await aLeadsPlan(
      [['Aims', paragraphsToJson(['Fewer people in hospital.'])]],
      'Published title',
    );
    await publish(leadClient, (await aReadyDraft(leadClient, plan.id, 'One')).id);
    await db.query('UPDATE plans SET title = $2 WHERE id = $1', [plan.id, 'Renamed since']);
    const view = (await anonymous().get<PublicPlanView>(planPath(footprint, plan))).body;
    expect(view.plan.title).toBe('Published title');
    const list = (
      await anonymous().get<PublicFootprintView>(`/api/public/footprints/${footprint.slug}`)
    ).body;
    expect(list.plans.map((p) => p.title)).toEqual(['Published title']);
  });

  it('answers everyone alike, cacheable for a minute, and never sets or clears a cookie', async () => {
    const { footprint, plan, leadClient } = await aLeadsPlan([
      ['Aims', paragraphsToJson(['Fewer people in hospital.'])],
    ]);
    await publish(leadClient, (await aReadyDraft(leadClient, plan.id, 'One')).id);
    const paths = [
      `/api/public/footprints/${footprint.slug}`,
      planPath(footprint, plan),
      `${planPath(footprint, plan)}/publications/1`,
    ];
    for (const path of paths) {
      const asNobody = await anonymous().get(path);
      const asLead = await leadClient.get(path);
      const withStaleCookie = await anonymous().request('GET', path, undefined, {
        cookie: 'cp_session=not-a-session-any-more',
      });
      for (const response of [asNobody, asLead, withStaleCookie]) {
        expect([path, response.status]).toEqual([path, 200]);
        expect(response.headers.get('cache-control')).toBe('public, max-age=60');
        expect(response.headers.getSetCookie()).toEqual([]);
        expect(response.body).toEqual(asNobody.body);
      }
    }
    // A signed-in page still works: the lead's session was neither read nor ended.
    expect((await leadClient.get('/api/auth/me')).status).toBe(200);
  });

  it('an unpublished plan looks exactly like one that does not exist', async () => {
    const unpublished = await aLeadsPlan([['Aims', paragraphsToJson(['Not public yet.'])]]);
    await aReadyDraft(unpublished.leadClient, unpublished.plan.id, 'Ready but not published');
    const published = await aLeadsPlan([['Aims', paragraphsToJson(['Public.'])]]);
    await publish(
      published.leadClient,
      (await aReadyDraft(published.leadClient, published.plan.id, 'One')).id,
    );

    const paths = [
      planPath(unpublished.footprint, unpublished.plan),
      `${planPath(unpublished.footprint, unpublished.plan)}/publications/1`,
      `/api/public/footprints/${unpublished.footprint.slug}`,
      `/api/public/footprints/${published.footprint.slug}/plans/no-such-plan`,
      `/api/public/footprints/no-such-footprint/plans/${published.plan.slug}`,
      `/api/public/footprints/no-such-footprint`,
      `${planPath(published.footprint, published.plan)}/publications/2`,
      `/api/public/footprints/${published.footprint.slug}/plans/Not%20A%20Slug`,
    ];
    for (const path of paths) {
      const response = await anonymous().get<ApiErrorBody>(path);
      expect([path, response.status]).toEqual([path, 404]);
      const { requestId: _requestId, ...rest } = response.body;
      expect(rest).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'publishing_not_published',
        message: 'There is no published plan at this address.',
      });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const bad = await anonymous().get<ApiErrorBody>(
      `${planPath(published.footprint, published.plan)}/publications/first`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('number');
  });

  it('text that looks like markup is shown as text, and links to scripts are dropped', async () => {
    const attack = '<script>window.pwned=1</script><img src=x onerror="window.pwned=1">';
    const { footprint, plan, leadClient } = await aLeadsPlan([
      [
        '<b>Title</b> with markup',
        {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: attack }] },
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'a link',
                  marks: [{ type: 'link', attrs: { href: 'javascript:window.pwned=1' } }],
                },
              ],
            },
          ],
        },
      ],
    ]);
    await publish(leadClient, (await aReadyDraft(leadClient, plan.id, 'One')).id);
    const view = (await anonymous().get<PublicPlanView>(planPath(footprint, plan))).body;
    const [section] = view.sections;
    expect(section!.title).toBe('<b>Title</b> with markup');
    expect(section!.anchor).toBe('section-b-title-b-with-markup');
    expect(section!.html).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(section!.html).not.toMatch(/<script|<img|javascript:/i);
  });
});
