import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuditEventView, Page, PlanDashboardView, SectionView } from '@commonplan/domain';
import {
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  type Factories,
  type RunningApi,
  type TestFootprint,
  type TestPlan,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import { CollabPeer, eventually } from './collab-test-client.js';

/** The plan dashboard and the filtered activity feed, as the people of a footprint see them. */

let api: RunningApi;
let db: pg.Client;
let f: Factories;
let footprint: TestFootprint;
let plan: TestPlan;
let otherPlan: TestPlan;
let lead: TestUser;
let author: TestUser;
let reviewer: TestUser;
let asLead: ApiClient;
let asAuthor: ApiClient;
let asReviewer: ApiClient;
const sectionIds: string[] = [];

async function addSection(
  planId: string,
  input: { title: string; theme: string; text?: string },
): Promise<string> {
  const created = await asLead.post<SectionView>(`/api/plans/${planId}/sections`, input);
  expect(created.status).toBe(201);
  return created.body.id;
}

beforeAll(async () => {
  api = await startApi({ env: { SMTP_URL: '' } });
  db = await connectTestDatabase();
  f = factories(db);
  lead = await f.aUser({ name: 'Dana Lead' });
  author = await f.aUser({ name: 'Eli Author' });
  reviewer = await f.aUser({ name: 'Fay Reviewer' });
  footprint = await f.aFootprint({
    members: { lead: [lead], author: [author], reviewer: [reviewer] },
  });
  plan = await f.aPlan(footprint.id);
  otherPlan = await f.aPlan(footprint.id);
  asLead = await signedIn(new ApiClient(api.baseUrl), lead);
  asAuthor = await signedIn(new ApiClient(api.baseUrl), author);
  asReviewer = await signedIn(new ApiClient(api.baseUrl), reviewer);

  sectionIds.push(
    await addSection(plan.id, {
      title: 'Prevention',
      theme: 'health_and_wellbeing',
      text: 'Fewer people smoke by 2021.',
    }),
    await addSection(plan.id, {
      title: 'Urgent care',
      theme: 'care_and_quality',
      text: 'One number to call.\n\nSeven day access.',
    }),
    await addSection(plan.id, { title: 'Estates', theme: 'enabler' }),
  );
  await f.anAssignment(sectionIds[0]!, author.id, 'author');
  await asLead.patch(`/api/sections/${sectionIds[1]}`, { dueDate: '2020-01-31' });
  await asLead.patch(`/api/sections/${sectionIds[2]}`, { dueDate: '2999-01-31' });
  await asAuthor.post(`/api/sections/${sectionIds[0]}/review/request`, {
    reviewerIds: [reviewer.id],
  });
  await asReviewer.post(`/api/sections/${sectionIds[0]}/review/decision`, { decision: 'approve' });
  await asAuthor.post(`/api/sections/${sectionIds[1]}/review/request`, {
    reviewerIds: [reviewer.id],
  });
  await addSection(otherPlan.id, { title: 'Elsewhere', theme: 'other' });
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

describe('the plan dashboard', () => {
  it('counts sections by status and theme, with words and due dates', async () => {
    const response = await asAuthor.get<PlanDashboardView>(`/api/plans/${plan.id}/dashboard`);
    expect(response.status).toBe(200);
    const view = response.body;
    expect(view.byStatus).toEqual({ draft: 1, in_review: 1, changes_requested: 0, approved: 1 });
    expect(view.byTheme).toEqual([
      { theme: 'health_and_wellbeing', count: 1 },
      { theme: 'care_and_quality', count: 1 },
      { theme: 'enabler', count: 1 },
    ]);
    expect(view.sections.map((s) => [s.title, s.status, s.words, s.dueDate, s.overdue])).toEqual([
      ['Prevention', 'approved', 5, null, false],
      ['Urgent care', 'in_review', 7, '2020-01-31', true],
      ['Estates', 'draft', 0, '2999-01-31', false],
    ]);
    expect(view.totalWords).toBe(12);
    expect(view.showsOverdue).toBe(false);
    expect(view.sections.map((s) => s.openThreads)).toEqual([0, 0, 0]);
  });

  it('leads are the ones shown which sections are overdue', async () => {
    const view = (await asLead.get<PlanDashboardView>(`/api/plans/${plan.id}/dashboard`)).body;
    expect(view.showsOverdue).toBe(true);
  });

  it('charts today’s sections by status and the words written', async () => {
    const view = (await asLead.get<PlanDashboardView>(`/api/plans/${plan.id}/dashboard`)).body;
    const today = view.statusByDay[view.statusByDay.length - 1]!;
    expect(today.day).toBe(new Date().toISOString().slice(0, 10));
    expect(today.counts).toEqual(view.byStatus);
    expect(view.wordsByDay[view.wordsByDay.length - 1]).toMatchObject({
      day: today.day,
      words: 12,
    });
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM section_daily_words WHERE day = current_date
         AND section_id = ANY($1::uuid[])`,
      [sectionIds],
    );
    expect(rows[0]!.n).toBe(3);
  });

  it('shows who has a section open right now', async () => {
    const peer = new CollabPeer(api.baseUrl, asAuthor.sessionCookie!, sectionIds[1]!);
    try {
      await peer.connect({ reconnection: false });
      await eventually(async () => {
        const view = (await asReviewer.get<PlanDashboardView>(`/api/plans/${plan.id}/dashboard`))
          .body;
        return view.sections[1]!.editingNow.some((p) => p.userId === author.id);
      });
      const view = (await asReviewer.get<PlanDashboardView>(`/api/plans/${plan.id}/dashboard`))
        .body;
      expect(view.sections[1]!.editingNow).toEqual([{ userId: author.id, name: 'Eli Author' }]);
      expect(view.sections[0]!.editingNow).toEqual([]);
    } finally {
      peer.close();
    }
  });

  it('an empty plan has nothing to count', async () => {
    const empty = await f.aPlan(footprint.id);
    const view = (await asAuthor.get<PlanDashboardView>(`/api/plans/${empty.id}/dashboard`)).body;
    expect(view).toMatchObject({
      sections: [],
      byTheme: [],
      totalWords: 0,
      byStatus: { draft: 0, in_review: 0, changes_requested: 0, approved: 0 },
    });
  });
});

describe('the activity feed filters', () => {
  const feed = (query: string) =>
    asLead.get<Page<AuditEventView>>(`/api/footprints/${footprint.slug}/audit?${query}`);

  it('keeps to one plan and its sections', async () => {
    const response = await feed(`planId=${plan.id}&pageSize=100`);
    expect(response.status).toBe(200);
    const titles = response.body.items.map((e) => e.details.title);
    expect(titles).toContain('Prevention');
    expect(titles).not.toContain('Elsewhere');
    // A section's later changes carry no plan id of their own, yet belong to the plan.
    expect(
      response.body.items.some(
        (e) => e.action === 'section.updated' && e.entityId === sectionIds[1],
      ),
    ).toBe(true);
  });

  it('keeps to one kind, and to one person', async () => {
    const reviews = await feed('kind=reviews');
    expect(reviews.body.items.map((e) => e.action).sort()).toEqual([
      'section.approved',
      'section.review_requested',
      'section.review_requested',
    ]);
    const byReviewer = await feed(`actorId=${reviewer.id}&kind=reviews&planId=${plan.id}`);
    expect(byReviewer.body.items.map((e) => e.action)).toEqual(['section.approved']);
    const paged = await feed(`kind=reviews&pageSize=1&page=2`);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('refuses filters it does not understand with a 400 naming them', async () => {
    for (const query of ['kind=everything', 'planId=42', 'actorId=someone', 'page=0']) {
      const response = await asLead.get<{ code: string; message: string }>(
        `/api/footprints/${footprint.slug}/audit?${query}`,
      );
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.message).toMatch(new RegExp(query.split('=')[0]!));
    }
  });
});
