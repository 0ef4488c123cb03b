import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftSectionText, DraftSummary } from '@commonplan/domain';
import { paragraphsToJson } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  type Factories,
} from '@commonplan/testing';
import type pg from 'pg';
import { aLeadWithAPlan, startPair, waitForStatus, type Setup } from './draft-test-support.js';

useOwnDatabase();

/**
 * One section's text as a ready draft holds it, which the editor puts back when someone restores
 * it: readable by every member of the footprint, nobody else, and only from a ready draft that
 * holds the section.
 */
describe('a section’s text from a draft', () => {
  let db: pg.Client;
  let make: Factories;
  let setup: Setup;

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    setup = await startPair({}, 'draft-section-text');
  });

  afterAll(async () => {
    await Promise.all([setup?.api.stop(), setup?.worker.stop()]);
    await db?.end();
  });

  async function aReadyDraft() {
    const made = await aLeadWithAPlan(make, db, [
      paragraphsToJson([{ heading: 'Where we are' }, 'Waits for a cancer diagnosis are too long.']),
      paragraphsToJson(['We will open two community clinics.']),
    ]);
    const lead = await signedIn(new ApiClient(setup.api.baseUrl), made.lead);
    const draft = (
      await lead.post<DraftSummary>(`/api/plans/${made.plan.id}/drafts`, { label: 'Board pack' })
    ).body;
    await waitForStatus(lead, draft.id, 'ready');
    return { ...made, lead, draft };
  }

  it('gives every member of the footprint the section’s text as the editor’s JSON', async () => {
    const { draft, sectionIds, footprintId, lead } = await aReadyDraft();
    const url = `/api/drafts/${draft.id}/sections/${sectionIds[0]}`;
    const readers = [lead];
    for (const role of ['author', 'reviewer', 'viewer'] as const) {
      const person = await make.aUser();
      await make.aMembership(footprintId, person.id, role);
      readers.push(await signedIn(new ApiClient(setup.api.baseUrl), person));
    }
    for (const reader of readers) {
      const response = await reader.get<DraftSectionText>(url);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        draftId: draft.id,
        draftNumber: 1,
        draftLabel: 'Board pack',
        sectionId: sectionIds[0],
        title: 'Section 1',
        content: { type: 'doc' },
      });
      expect(response.body.content.content?.map((block) => block.type)).toEqual([
        'heading',
        'paragraph',
      ]);
      expect(JSON.stringify(response.body.content)).toContain(
        'Waits for a cancer diagnosis are too long.',
      );
    }
  });

  it('is not found for someone outside the footprint, or without an account', async () => {
    const { draft, sectionIds } = await aReadyDraft();
    const url = `/api/drafts/${draft.id}/sections/${sectionIds[0]}`;
    const outsider = await signedIn(new ApiClient(setup.api.baseUrl), await make.aUser());
    const refused = await outsider.get<{ code: string }>(url);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('draft_not_found');
    expect((await new ApiClient(setup.api.baseUrl).get(url)).status).toBe(401);
  });

  it('is not found for a section the draft does not hold, or a draft that does not exist', async () => {
    const { draft, plan, lead } = await aReadyDraft();
    const addedLater = await make.aSection(plan.id, { title: 'Added after the draft' });
    const missing = await lead.get<{ code: string; message: string }>(
      `/api/drafts/${draft.id}/sections/${addedLater.id}`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('draft_section_not_in_draft');
    expect(missing.body.message).toMatch(/added after the draft was made/);

    const unknownDraft = await lead.get<{ code: string }>(
      `/api/drafts/6f1c1e3e-1111-4111-8111-111111111111/sections/${addedLater.id}`,
    );
    expect(unknownDraft.status).toBe(404);
    expect(unknownDraft.body.code).toBe('draft_not_found');
    expect((await lead.get(`/api/drafts/${draft.id}/sections/not-an-id`)).status).toBe(400);
  });

  it('refuses a draft that is not ready (409)', async () => {
    const { draft, sectionIds, lead } = await aReadyDraft();
    // A draft that failed holds no text to restore; set here directly, as a failure would.
    await db.query(
      `UPDATE plan_drafts SET status = 'failed', failure_reason = 'test' WHERE id = $1`,
      [draft.id],
    );
    const refused = await lead.get<{ code: string }>(
      `/api/drafts/${draft.id}/sections/${sectionIds[0]}`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('draft_text_not_ready');
  });

  it('records a restore in the audit trail for authors and leads, and refuses everyone else', async () => {
    const { draft, sectionIds, footprintId, lead, plan } = await aReadyDraft();
    const url = `/api/drafts/${draft.id}/sections/${sectionIds[0]}/restored`;
    const as = async (role: 'author' | 'reviewer' | 'viewer') => {
      const person = await make.aUser();
      await make.aMembership(footprintId, person.id, role);
      return signedIn(new ApiClient(setup.api.baseUrl), person);
    };
    const author = await as('author');
    expect((await author.post(url, {})).status).toBe(204);
    expect((await lead.post(url, {})).status).toBe(204);
    const { rows } = await db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_events
        WHERE action = 'section.text_restored' AND entity_id = $1 ORDER BY id`,
      [sectionIds[0]],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.details).toEqual({
      title: 'Section 1',
      planId: plan.id,
      draftId: draft.id,
      draftNumber: 1,
    });

    for (const role of ['reviewer', 'viewer'] as const)
      expect((await (await as(role)).post(url, {})).status).toBe(403);
    const outsider = await signedIn(new ApiClient(setup.api.baseUrl), await make.aUser());
    expect((await outsider.post(url, {})).status).toBe(404);
    const addedLater = await make.aSection(plan.id);
    const notInDraft = await author.post<{ code: string }>(
      `/api/drafts/${draft.id}/sections/${addedLater.id}/restored`,
      {},
    );
    expect(notInDraft.status).toBe(404);
    expect(notInDraft.body.code).toBe('draft_section_not_in_draft');
  });
});
