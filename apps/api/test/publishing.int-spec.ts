import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiErrorBody, PublicationSummary } from '@commonplan/domain';
import { paragraphsToJson } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  type Factories,
  type TestFootprint,
  type TestPlan,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import {
  aReadyDraft,
  startApiAndWorker,
  writeText,
  type ApiAndWorker,
} from './publishing-helpers.js';

useOwnDatabase();

/**
 * Publishing a ready draft: who may, numbering, asking twice, and what members see. The API and
 * the worker run as real processes; drafts are made by the worker as in production.
 */
describe('publishing a draft', () => {
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

  const client = () => new ApiClient(running.api.baseUrl);

  async function aPlanWithText(): Promise<{
    lead: TestUser;
    footprint: TestFootprint;
    plan: TestPlan;
    leadClient: ApiClient;
  }> {
    const lead = await make.aUser();
    const footprint = await make.aFootprint({ members: { lead: [lead] } });
    const plan = await make.aPlan(footprint.id);
    const section = await make.aSection(plan.id, { title: 'Where we are' });
    await writeText(db, section.id, paragraphsToJson(['Waits for a diagnosis are too long.']));
    return { lead, footprint, plan, leadClient: await signedIn(client(), lead) };
  }

  it('a lead publishes a ready draft as publication 1, and publishing it again gives the same publication', async () => {
    const { lead, footprint, plan, leadClient } = await aPlanWithText();
    const draft = await aReadyDraft(leadClient, plan.id, 'For the board');

    const first = await leadClient.post<PublicationSummary>(`/api/drafts/${draft.id}/publish`);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      planId: plan.id,
      draftId: draft.id,
      draftNumber: 1,
      number: 1,
      publishedBy: { id: lead.id, name: lead.name },
      publicPath: `/public/${footprint.slug}/${plan.slug}`,
    });

    const again = await leadClient.post<PublicationSummary>(`/api/drafts/${draft.id}/publish`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const { rows } = await db.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_events WHERE footprint_id = $1 AND action = 'plan.published'`,
      [footprint.id],
    );
    expect(rows).toEqual([
      {
        action: 'plan.published',
        details: { draftId: draft.id, draftNumber: 1, publicationNumber: 1 },
      },
    ]);
  });

  it('numbers a plan’s publications 1, 2 and lists them newest first for members who read drafts', async () => {
    const { footprint, plan, leadClient } = await aPlanWithText();
    const viewer = await make.aUser();
    await make.aMembership(footprint.id, viewer.id, 'viewer');
    const one = await aReadyDraft(leadClient, plan.id, 'One');
    const two = await aReadyDraft(leadClient, plan.id, 'Two');
    const three = await aReadyDraft(leadClient, plan.id, 'Three');

    expect((await leadClient.post(`/api/drafts/${one.id}/publish`)).status).toBe(201);
    const later = await leadClient.post<PublicationSummary>(`/api/drafts/${three.id}/publish`);
    expect(later.body).toMatchObject({ number: 2, draftNumber: 3 });

    const viewerClient = await signedIn(client(), viewer);
    const list = await viewerClient.get<PublicationSummary[]>(`/api/plans/${plan.id}/publications`);
    expect(list.status).toBe(200);
    expect(list.body.map((p) => [p.number, p.draftNumber])).toEqual([
      [2, 3],
      [1, 1],
    ]);
    expect(list.body.some((p) => p.draftId === two.id)).toBe(false);
  });

  it('publishing the same draft from two requests at once makes one publication', async () => {
    const { plan, leadClient } = await aPlanWithText();
    const draft = await aReadyDraft(leadClient, plan.id, 'Twice at once');
    const responses = await Promise.all([
      leadClient.post<PublicationSummary>(`/api/drafts/${draft.id}/publish`),
      leadClient.post<PublicationSummary>(`/api/drafts/${draft.id}/publish`),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    const { rows } = await db.query('SELECT id FROM plan_publications WHERE plan_id = $1', [
      plan.id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('a draft that is not ready cannot be published, with a message saying why', async () => {
    const { plan, leadClient } = await aPlanWithText();
    for (const status of ['queued', 'generating', 'failed']) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO plan_drafts (plan_id, number, label, status, sections_total)
         VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM plan_drafts WHERE plan_id = $1), 'Not yet', $2, 1)
         RETURNING id`,
        [plan.id, status],
      );
      const response = await leadClient.post<ApiErrorBody>(`/api/drafts/${rows[0]!.id}/publish`);
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/Only a ready draft can be published/);
    }
    const { rows } = await db.query('SELECT id FROM plan_publications WHERE plan_id = $1', [
      plan.id,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('authors, reviewers and viewers cannot publish; a lead of another footprint is told there is no such draft', async () => {
    const { footprint, plan, leadClient } = await aPlanWithText();
    const draft = await aReadyDraft(leadClient, plan.id, 'Members only');
    for (const role of ['author', 'reviewer', 'viewer'] as const) {
      const member = await make.aUser();
      await make.aMembership(footprint.id, member.id, role);
      const response = await (
        await signedIn(client(), member)
      ).post(`/api/drafts/${draft.id}/publish`);
      expect([role, response.status]).toEqual([role, 403]);
    }
    const otherLead = await make.aUser();
    await make.aFootprint({ members: { lead: [otherLead] } });
    const otherClient = await signedIn(client(), otherLead);
    const publish = await otherClient.post<ApiErrorBody>(`/api/drafts/${draft.id}/publish`);
    expect(publish.status).toBe(404);
    expect(publish.body.code).toBe('publishing_draft_not_found');
    expect((await otherClient.get(`/api/plans/${plan.id}/publications`)).status).toBe(404);
    expect((await client().post(`/api/drafts/${draft.id}/publish`)).status).toBe(401);
    const { rows } = await db.query('SELECT id FROM plan_publications WHERE plan_id = $1', [
      plan.id,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('an unknown draft is not found, and a malformed id is a 400 naming it', async () => {
    const { leadClient } = await aPlanWithText();
    expect(
      (await leadClient.post(`/api/drafts/00000000-0000-4000-8000-000000000000/publish`)).status,
    ).toBe(404);
    const bad = await leadClient.post<ApiErrorBody>('/api/drafts/not-an-id/publish');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('draftId');
  });
});
