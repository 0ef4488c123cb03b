import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApprovalChangesView,
  ReviewStatus,
  SectionReviewView,
  SectionView,
} from '@commonplan/domain';
import {
  ApiClient,
  auditCount,
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
import type * as Y from 'yjs';
import { CollabPeer, eventually } from './collab-test-client.js';

/**
 * Reviewing a section: who may ask, approve or send it back, which moves the rules allow, what the
 * history records, and how an approval is held against later edits.
 */

let api: RunningApi;
let db: pg.Client;
let f: Factories;
let footprint: TestFootprint;
let plan: TestPlan;
const people = {} as Record<
  'lead' | 'author' | 'reviewer' | 'otherReviewer' | 'viewer' | 'outsider',
  TestUser
>;
const as = {} as Record<keyof typeof people, ApiClient>;

interface ErrorBody {
  code: string;
  message: string;
  field?: string;
}

async function aSectionAt(status: ReviewStatus, text = 'We will cut waits.'): Promise<string> {
  const created = await as.lead.post<SectionView>(`/api/plans/${plan.id}/sections`, {
    title: `Urgent care ${Math.random().toString(16).slice(2, 8)}`,
    theme: 'care_and_quality',
    text,
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  await f.anAssignment(id, people.author.id, 'author');
  if (status === 'draft') return id;
  await expectStatus(await requestReview(as.author, id, [people.reviewer.id]), 200);
  if (status === 'approved') await expectStatus(await decide(as.reviewer, id, 'approve'), 200);
  if (status === 'changes_requested')
    await expectStatus(await decide(as.reviewer, id, 'request_changes', 'Add the costs.'), 200);
  return id;
}

function requestReview(client: ApiClient, sectionId: string, reviewerIds: string[], note?: string) {
  return client.post<SectionReviewView & ErrorBody>(`/api/sections/${sectionId}/review/request`, {
    reviewerIds,
    ...(note ? { note } : {}),
  });
}

function decide(
  client: ApiClient,
  sectionId: string,
  decision: 'approve' | 'request_changes',
  note?: string,
) {
  return client.post<SectionReviewView & ErrorBody>(`/api/sections/${sectionId}/review/decision`, {
    decision,
    ...(note !== undefined ? { note } : {}),
  });
}

function reconsider(
  client: ApiClient,
  sectionId: string,
  outcome: 'stands' | 'withdrawn',
  note?: string,
) {
  return client.post<SectionReviewView & ErrorBody>(`/api/sections/${sectionId}/review/approval`, {
    outcome,
    ...(note !== undefined ? { note } : {}),
  });
}

function expectStatus(response: { status: number; body: unknown }, status: number): void {
  expect({ status: response.status, body: response.body }).toMatchObject({ status });
}

async function statusOf(sectionId: string): Promise<ReviewStatus> {
  const { rows } = await db.query<{ review_status: ReviewStatus }>(
    'SELECT review_status FROM sections WHERE id = $1',
    [sectionId],
  );
  return rows[0]!.review_status;
}

async function eventCount(sectionId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM section_review_events WHERE section_id = $1',
    [sectionId],
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  api = await startApi({ env: { SMTP_URL: '' } });
  db = await connectTestDatabase();
  f = factories(db);
  for (const name of ['lead', 'author', 'reviewer', 'otherReviewer', 'viewer', 'outsider'] as const)
    people[name] = await f.aUser({ name: `Review ${name}` });
  footprint = await f.aFootprint({
    members: {
      lead: [people.lead],
      author: [people.author],
      reviewer: [people.reviewer, people.otherReviewer],
      viewer: [people.viewer],
    },
  });
  plan = await f.aPlan(footprint.id);
  for (const name of Object.keys(people) as Array<keyof typeof people>)
    as[name] = await signedIn(new ApiClient(api.baseUrl), people[name]);
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

describe('asking for review', () => {
  it('an author asks named reviewers, who become the section’s reviewers, and the step is recorded', async () => {
    const sectionId = await aSectionAt('draft');
    const response = await requestReview(
      as.author,
      sectionId,
      [people.reviewer.id],
      'Check the figures',
    );
    expectStatus(response, 200);
    expect(response.body.status).toBe('in_review');
    expect(response.body.reviewers.map((r) => r.userId)).toEqual([people.reviewer.id]);
    expect(response.body.events[0]).toMatchObject({
      kind: 'review_requested',
      from: 'draft',
      to: 'in_review',
      actor: { id: people.author.id, name: people.author.name },
      note: 'Check the figures',
      reviewers: [{ id: people.reviewer.id, name: people.reviewer.name }],
    });
    const { rows } = await db.query(
      "SELECT actor_id, details FROM audit_events WHERE action = 'section.review_requested' AND entity_id = $1",
      [sectionId],
    );
    expect(rows).toEqual([
      {
        actor_id: people.author.id,
        details: expect.objectContaining({ from: 'draft', to: 'in_review', planId: plan.id }),
      },
    ]);
  });

  it('a lead may ask for review too, naming a lead as reviewer', async () => {
    const sectionId = await aSectionAt('draft');
    expectStatus(
      await requestReview(as.lead, sectionId, [people.reviewer.id, people.lead.id]),
      200,
    );
    expect(await statusOf(sectionId)).toBe('in_review');
  });

  it('reviewers must be members who review: an author or an outsider cannot be asked', async () => {
    const sectionId = await aSectionAt('draft');
    const author = await requestReview(as.author, sectionId, [people.author.id]);
    expect({ status: author.status, code: author.body.code }).toEqual({
      status: 400,
      code: 'reviewer_wrong_role',
    });
    const outsider = await requestReview(as.author, sectionId, [people.outsider.id]);
    expect({ status: outsider.status, code: outsider.body.code }).toEqual({
      status: 400,
      code: 'reviewer_not_member',
    });
    const none = await requestReview(as.author, sectionId, []);
    expect(none.status).toBe(400);
    expect(await statusOf(sectionId)).toBe('draft');
  });

  it('a reviewer or a viewer cannot ask for review, and an outsider does not see the section', async () => {
    const sectionId = await aSectionAt('draft');
    for (const client of [as.reviewer, as.viewer]) {
      const response = await requestReview(client, sectionId, [people.reviewer.id]);
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 403,
        code: 'forbidden',
      });
    }
    const outsider = await requestReview(as.outsider, sectionId, [people.reviewer.id]);
    expect({ status: outsider.status, code: outsider.body.code }).toEqual({
      status: 404,
      code: 'section_not_found',
    });
    expect(await statusOf(sectionId)).toBe('draft');
    expect(await eventCount(sectionId)).toBe(0);
  });
});

describe('every move the rules allow', () => {
  it('draft -> in_review -> changes_requested -> in_review -> approved -> in_review', async () => {
    const sectionId = await aSectionAt('draft');
    expectStatus(await requestReview(as.author, sectionId, [people.reviewer.id]), 200);
    expectStatus(await decide(as.reviewer, sectionId, 'request_changes', 'Add the costs.'), 200);
    expect(await statusOf(sectionId)).toBe('changes_requested');
    expectStatus(await requestReview(as.author, sectionId, [people.reviewer.id]), 200);
    expectStatus(await decide(as.reviewer, sectionId, 'approve'), 200);
    expect(await statusOf(sectionId)).toBe('approved');
    const again = await requestReview(as.author, sectionId, [people.otherReviewer.id]);
    expectStatus(again, 200);
    expect(again.body.status).toBe('in_review');
    expect(again.body.events.map((e) => [e.kind, e.from, e.to])).toEqual([
      ['review_requested', 'approved', 'in_review'],
      ['approved', 'in_review', 'approved'],
      ['review_requested', 'changes_requested', 'in_review'],
      ['changes_requested', 'in_review', 'changes_requested'],
      ['review_requested', 'draft', 'in_review'],
    ]);
    expect(again.body.events[3]).toMatchObject({
      actor: { id: people.reviewer.id },
      note: 'Add the costs.',
    });
    for (const event of again.body.events) expect(Date.parse(event.at)).not.toBeNaN();
  });

  it('a lead who is not an assigned reviewer may still decide', async () => {
    const sectionId = await aSectionAt('in_review');
    expectStatus(await decide(as.lead, sectionId, 'approve'), 200);
    expect(await statusOf(sectionId)).toBe('approved');
  });
});

describe('every move the rules forbid is a 409 that leaves the section as it was', () => {
  const forbidden: Array<[ReviewStatus, 'request' | 'approve' | 'request_changes']> = [
    ['draft', 'approve'],
    ['draft', 'request_changes'],
    ['in_review', 'request'],
    ['changes_requested', 'approve'],
    ['changes_requested', 'request_changes'],
    ['approved', 'approve'],
    ['approved', 'request_changes'],
  ];

  it.each(forbidden)('a section %s cannot be moved by "%s"', async (from, move) => {
    const sectionId = await aSectionAt(from);
    const before = await eventCount(sectionId);
    const auditBefore = await auditCount(db, footprint.id);
    const response =
      move === 'request'
        ? await requestReview(as.lead, sectionId, [people.reviewer.id])
        : await decide(as.lead, sectionId, move, 'A note');
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: 409,
      code: 'review_transition_not_allowed',
    });
    expect(response.body.message.length).toBeGreaterThan(20);
    expect(await statusOf(sectionId)).toBe(from);
    expect(await eventCount(sectionId)).toBe(before);
    expect(await auditCount(db, footprint.id)).toBe(auditBefore);
  });
});

describe('who may decide', () => {
  it('a reviewer not assigned to the section cannot approve it or send it back', async () => {
    const sectionId = await aSectionAt('in_review');
    for (const decision of ['approve', 'request_changes'] as const) {
      const response = await decide(as.otherReviewer, sectionId, decision, 'No');
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 403,
        code: 'not_assigned_reviewer',
      });
    }
    expect(await statusOf(sectionId)).toBe('in_review');
  });

  it('authors and viewers cannot decide; outsiders get 404', async () => {
    const sectionId = await aSectionAt('in_review');
    for (const client of [as.author, as.viewer]) {
      const response = await decide(client, sectionId, 'approve');
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 403,
        code: 'forbidden',
      });
    }
    expect((await decide(as.outsider, sectionId, 'approve')).status).toBe(404);
    expect(await statusOf(sectionId)).toBe('in_review');
  });

  it('asking for changes needs a note, capped in length', async () => {
    const sectionId = await aSectionAt('in_review');
    const blank = await decide(as.reviewer, sectionId, 'request_changes', '   ');
    expect({ status: blank.status, code: blank.body.code, field: blank.body.field }).toEqual({
      status: 400,
      code: 'review_note_required',
      field: 'note',
    });
    const long = await decide(as.reviewer, sectionId, 'request_changes', 'x'.repeat(2001));
    expect(long.status).toBe(400);
    const unknown = await as.reviewer.post<ErrorBody>(
      `/api/sections/${sectionId}/review/decision`,
      {
        decision: 'maybe',
      },
    );
    expect(unknown.status).toBe(400);
    expect(await statusOf(sectionId)).toBe('in_review');
  });

  it('anyone in the footprint reads the review and its history', async () => {
    const sectionId = await aSectionAt('changes_requested');
    const response = await as.viewer.get<SectionReviewView>(`/api/sections/${sectionId}/review`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'changes_requested',
      editedSinceApproval: false,
      approval: null,
    });
    expect((await as.outsider.get(`/api/sections/${sectionId}/review`)).status).toBe(404);
  });
});

describe('edited since approval', () => {
  async function editAsAuthor(sectionId: string, change: (peer: CollabPeer) => void) {
    const peer = new CollabPeer(api.baseUrl, as.author.sessionCookie!, sectionId);
    try {
      const joined = await peer.connect({ reconnection: false });
      expect(joined.ok).toBe(true);
      await peer.whenSynced();
      change(peer);
      await peer.settled();
      expect(await peer.lastSend).toBe(true);
    } finally {
      peer.close();
    }
  }

  it('an approved section whose text an author then changes says so, and shows what changed', async () => {
    const sectionId = await aSectionAt('approved', 'We will hire 40 nurses.\n\nBeds stay open.');
    const before = await as.author.get<SectionReviewView>(`/api/sections/${sectionId}/review`);
    expect(before.body).toMatchObject({ status: 'approved', editedSinceApproval: false });
    expect(before.body.approval?.by?.id).toBe(people.reviewer.id);

    await editAsAuthor(sectionId, (peer) => {
      const text = (peer.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete('We will hire '.length, 2);
      text.insert('We will hire '.length, '60');
      peer.addParagraph('A new clinic opens.');
    });

    await eventually(async () => {
      const view = await as.viewer.get<SectionReviewView>(`/api/sections/${sectionId}/review`);
      return view.body.editedSinceApproval === true;
    });
    const changes = await as.viewer.get<ApprovalChangesView>(
      `/api/sections/${sectionId}/review/changes`,
    );
    expect(changes.status).toBe(200);
    expect(changes.body).toMatchObject({
      editedSinceApproval: true,
      approvedBy: { id: people.reviewer.id },
      wordsAdded: 5,
      wordsRemoved: 1,
    });
    expect(changes.body.blocks.map((b) => b.kind)).toEqual(['changed', 'unchanged', 'added']);
    expect(changes.body.blocks[0]!.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '40' },
      { kind: 'added', text: '60' },
    ]);
    expect(changes.body.blocks[2]!.parts).toEqual([{ kind: 'added', text: 'A new clinic opens.' }]);
  });

  it('a lead confirms the approval stands: the text now becomes what is approved', async () => {
    const sectionId = await aSectionAt('approved', 'Original words.');
    await editAsAuthor(sectionId, (peer) => peer.addParagraph('More words.'));
    await eventually(
      async () =>
        (await as.lead.get<SectionReviewView>(`/api/sections/${sectionId}/review`)).body
          .editedSinceApproval,
    );
    const confirmed = await reconsider(as.lead, sectionId, 'stands');
    expectStatus(confirmed, 200);
    expect(confirmed.body).toMatchObject({
      status: 'approved',
      editedSinceApproval: false,
      approval: { by: { id: people.lead.id } },
    });
    expect(confirmed.body.events[0]).toMatchObject({
      kind: 'approval_confirmed',
      from: 'approved',
      to: 'approved',
    });
    const changes = await as.lead.get<ApprovalChangesView>(
      `/api/sections/${sectionId}/review/changes`,
    );
    expect(changes.body.editedSinceApproval).toBe(false);
  });

  it('a lead withdraws the approval with a note: the section goes back to review', async () => {
    const sectionId = await aSectionAt('approved');
    const noNote = await reconsider(as.lead, sectionId, 'withdrawn');
    expect({ status: noNote.status, code: noNote.body.code }).toEqual({
      status: 400,
      code: 'review_note_required',
    });
    const withdrawn = await reconsider(as.lead, sectionId, 'withdrawn', 'The figures moved.');
    expectStatus(withdrawn, 200);
    expect(withdrawn.body.status).toBe('in_review');
    expect(withdrawn.body.events[0]).toMatchObject({
      kind: 'approval_withdrawn',
      from: 'approved',
      to: 'in_review',
      note: 'The figures moved.',
    });
    const { rows } = await db.query(
      "SELECT 1 FROM audit_events WHERE action = 'section.approval_withdrawn' AND entity_id = $1",
      [sectionId],
    );
    expect(rows).toHaveLength(1);
  });

  it('only a lead reconsiders an approval, and only of an approved section', async () => {
    const sectionId = await aSectionAt('approved');
    for (const client of [as.reviewer, as.author, as.viewer]) {
      const response = await reconsider(client, sectionId, 'stands');
      expect(response.status).toBe(403);
    }
    const inReview = await aSectionAt('in_review');
    const response = await reconsider(as.lead, inReview, 'stands');
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: 409,
      code: 'section_not_approved',
    });
    const changes = await as.lead.get<ErrorBody>(`/api/sections/${inReview}/review/changes`);
    expect({ status: changes.status, code: changes.body.code }).toEqual({
      status: 409,
      code: 'section_not_approved',
    });
  });
});
