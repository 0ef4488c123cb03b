import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, connectTestDatabase, startApi, type RunningApi } from '@commonplan/testing';
import type pg from 'pg';
import { anchorForText, initialContentUpdate, paragraphsToJson } from '@commonplan/editor';
import * as Y from 'yjs';
import {
  auditCount,
  factories,
  signedIn,
  unique,
  type Factories,
  type TestFootprint,
  type TestPlan,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';

/**
 * Who may do what, over REST: every endpoint against every kind of person, as the shared
 * permission rules say. A person who cannot see a footprint gets 404 (its existence does not
 * leak), a member whose role does not allow the action gets 403, and no session gets 401.
 */

type ActorName = 'lead' | 'author' | 'reviewer' | 'viewer' | 'admin' | 'outsider' | 'anonymous';
type Outcome = 200 | 201 | 204 | 401 | 403 | 404;

interface World {
  f: Factories;
  footprint: TestFootprint;
  plan: TestPlan;
  section: TestSection;
  lead: TestUser;
  reviewer: TestUser;
}

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Checked after a refused call: the thing the call would have changed is as it was. */
  unchanged?: () => Promise<void>;
}

interface Row {
  action: string;
  call: (world: World) => Promise<Call>;
  outcomes: Record<ActorName, Outcome>;
}

const actorNames: ActorName[] = [
  'lead',
  'author',
  'reviewer',
  'viewer',
  'admin',
  'outsider',
  'anonymous',
];

const described: Record<ActorName, string> = {
  lead: 'a lead',
  author: 'an author',
  reviewer: 'a reviewer',
  viewer: 'a viewer',
  admin: 'an instance admin who is not a member',
  outsider: 'a signed-in outsider',
  anonymous: 'someone not signed in',
};

let api: RunningApi;
let db: pg.Client;
let world: World;
const clients = new Map<ActorName, ApiClient>();

/** Everyone in a footprint may read it; admins see its structure but not its plans. */
const readers = (adminOutcome: Outcome): Record<ActorName, Outcome> => ({
  lead: 200,
  author: 200,
  reviewer: 200,
  viewer: 200,
  admin: adminOutcome,
  outsider: 404,
  anonymous: 401,
});

/** Only a lead (and, where `adminOutcome` says so, an instance admin) may do this. */
const leadsOnly = (leadOutcome: Outcome, adminOutcome: Outcome): Record<ActorName, Outcome> => ({
  lead: leadOutcome,
  author: 403,
  reviewer: 403,
  viewer: 403,
  admin: adminOutcome,
  outsider: 404,
  anonymous: 401,
});

async function sectionCount(planId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sections WHERE plan_id = $1',
    [planId],
  );
  return rows[0]!.n;
}

async function statusOf(sectionId: string): Promise<string> {
  const { rows } = await db.query<{ review_status: string }>(
    'SELECT review_status FROM sections WHERE id = $1',
    [sectionId],
  );
  return rows[0]!.review_status;
}

/** A section in review, with the matrix's reviewer assigned to it. */
async function aSectionInReview({ f, plan, reviewer }: World): Promise<TestSection> {
  const section = await f.aSection(plan.id, { reviewStatus: 'in_review' });
  await f.anAssignment(section.id, reviewer.id, 'reviewer');
  return section;
}

/** An approved section with its approval recorded (of empty text). */
async function anApprovedSection(w: World): Promise<TestSection> {
  const section = await w.f.aSection(w.plan.id, { reviewStatus: 'approved' });
  await db.query(
    `INSERT INTO section_review_events (section_id, kind, from_status, to_status, actor_id, approved_state)
     VALUES ($1, 'approved', 'in_review', 'approved', $2, '\\x0000'::bytea)`,
    [section.id, w.lead.id],
  );
  return section;
}

const everyoneSignedIn: Record<ActorName, Outcome> = {
  lead: 200,
  author: 200,
  reviewer: 200,
  viewer: 200,
  admin: 200,
  outsider: 200,
  anonymous: 401,
};

async function aMemberToManage({ f, footprint }: World): Promise<TestUser> {
  const member = await f.aUser();
  await f.aMembership(footprint.id, member.id, 'viewer');
  return member;
}

async function roleOf(footprintId: string, userId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ role: string }>(
    'SELECT role FROM memberships WHERE footprint_id = $1 AND user_id = $2',
    [footprintId, userId],
  );
  return rows[0]?.role;
}

/** Who may comment and resolve: authors and reviewers (and leads); viewers and admins only read or not at all. */
const commenters = (okOutcome: Outcome): Record<ActorName, Outcome> => ({
  lead: okOutcome,
  author: okOutcome,
  reviewer: okOutcome,
  viewer: 403,
  admin: 403,
  outsider: 404,
  anonymous: 401,
});

/** A section of the world's plan whose saved text is one sentence, and an anchor on part of it. */
async function aSectionWithText({ f, plan }: World) {
  const section = await f.aSection(plan.id);
  const update = initialContentUpdate(paragraphsToJson(['Waits for a cancer diagnosis.']));
  await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
    section.id,
    Buffer.from(update),
  ]);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const anchor = anchorForText(doc, 'cancer diagnosis')!;
  doc.destroy();
  return { section, anchor };
}

/** A thread started by the lead, with one comment, as the database holds it. */
async function aThread(world: World, status: 'open' | 'resolved' = 'open') {
  const { section, anchor } = await aSectionWithText(world);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO comment_threads (section_id, plan_id, anchor_start, anchor_end, quoted_text, status,
       created_by_id, resolved_by_id, resolved_at)
     VALUES ($1, $2, $3, $4, 'cancer diagnosis', $5, $6, $7, $8) RETURNING id`,
    [
      section.id,
      world.plan.id,
      anchor.start,
      anchor.end,
      status,
      world.lead.id,
      status === 'resolved' ? world.lead.id : null,
      status === 'resolved' ? new Date() : null,
    ],
  );
  const threadId = rows[0]!.id;
  const comment = await db.query<{ id: string }>(
    `INSERT INTO comments (thread_id, author_id, body) VALUES ($1, $2, 'Is this all cancers?')
     RETURNING id`,
    [threadId, world.lead.id],
  );
  return { sectionId: section.id, threadId, commentId: comment.rows[0]!.id };
}

async function commentCount(threadId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM comments WHERE thread_id = $1',
    [threadId],
  );
  return rows[0]!.n;
}

/** A draft of the plan written straight to the database, as the worker leaves it. */
async function aDraft({ plan, section }: World, status: 'ready' | 'failed'): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO plan_drafts (plan_id, number, label, status, failure_reason, sections_total, sections_done)
     VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM plan_drafts WHERE plan_id = $1), 'Matrix draft',
             $2::varchar, CASE WHEN $2::varchar = 'failed' THEN 'It failed.' END, 1, 0)
     RETURNING id`,
    [plan.id, status],
  );
  const draftId = rows[0]!.id;
  await db.query(
    `INSERT INTO plan_draft_sections (draft_id, section_id, position, title, theme, review_status, html, markdown, words, blocks, content)
     VALUES ($1, $2, 0, 'A section', 'other', 'draft', '<p>Text</p>', 'Text', 1, '[{"kind":"paragraph","text":"Text"}]',
             '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Text"}]}]}')`,
    [draftId, section.id],
  );
  return draftId;
}

/** The plan's schedule row as stored (null when none), to see that a refused change left it. */
async function scheduleState(planId: string): Promise<unknown> {
  const { rows } = await db.query('SELECT * FROM draft_schedules WHERE plan_id = $1', [planId]);
  return rows[0] ?? null;
}

async function scheduleCount(planId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM draft_schedules WHERE plan_id = $1',
    [planId],
  );
  return rows[0]!.n;
}

/** An export of a new ready draft, written straight to the database as the worker leaves it. */
async function anExport(w: World, status: 'ready' | 'failed'): Promise<string> {
  const draftId = await aDraft(w, 'ready');
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO draft_exports (draft_id, format, status, failure_reason, file_name, file, byte_size)
     VALUES ($1, 'pdf', $2::varchar, CASE WHEN $2::varchar = 'failed' THEN 'It failed.' END,
             'matrix-draft.pdf', CASE WHEN $2::varchar = 'ready' THEN '\\x255044462d'::bytea END,
             CASE WHEN $2::varchar = 'ready' THEN 5 END)
     RETURNING id`,
    [draftId, status],
  );
  return rows[0]!.id;
}

async function exportCount(draftId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM draft_exports WHERE draft_id = $1',
    [draftId],
  );
  return rows[0]!.n;
}

async function draftCount(planId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM plan_drafts WHERE plan_id = $1',
    [planId],
  );
  return rows[0]!.n;
}

async function threadStatus(threadId: string): Promise<string> {
  const { rows } = await db.query<{ status: string }>(
    'SELECT status FROM comment_threads WHERE id = $1',
    [threadId],
  );
  return rows[0]!.status;
}

const matrix: Row[] = [
  {
    action: 'see who they are',
    call: async () => ({ method: 'GET', path: '/api/auth/me' }),
    outcomes: { ...readers(200), outsider: 200 },
  },
  {
    action: 'list their footprints',
    call: async () => ({ method: 'GET', path: '/api/footprints' }),
    outcomes: { ...readers(200), outsider: 200 },
  },
  {
    action: 'create a footprint',
    call: async () => {
      const slug = `matrix-created-${unique()}`;
      return {
        method: 'POST',
        path: '/api/footprints',
        body: { name: `Matrix Created ${slug}`, slug, region: 'North West', population: 250_000 },
        unchanged: async () => {
          const { rows } = await db.query('SELECT 1 FROM footprints WHERE slug = $1', [slug]);
          expect(rows).toHaveLength(0);
        },
      };
    },
    outcomes: {
      lead: 403,
      author: 403,
      reviewer: 403,
      viewer: 403,
      admin: 201,
      outsider: 403,
      anonymous: 401,
    },
  },
  {
    action: 'list the jobs that failed for good',
    call: async () => ({ method: 'GET', path: '/api/operations/failed-jobs' }),
    outcomes: {
      lead: 403,
      author: 403,
      reviewer: 403,
      viewer: 403,
      admin: 200,
      outsider: 403,
      anonymous: 401,
    },
  },
  {
    action: 'read the footprint',
    call: async ({ footprint }) => ({ method: 'GET', path: `/api/footprints/${footprint.slug}` }),
    outcomes: readers(200),
  },
  {
    action: "correct the footprint's details",
    call: async ({ footprint }) => {
      const population = async () =>
        (
          await db.query<{ population: number }>(
            'SELECT population FROM footprints WHERE id = $1',
            [footprint.id],
          )
        ).rows[0]!.population;
      const before = await population();
      return {
        method: 'PATCH',
        path: `/api/footprints/${footprint.slug}`,
        body: { population: before + 1000 },
        unchanged: async () => expect(await population()).toBe(before),
      };
    },
    outcomes: {
      lead: 403,
      author: 403,
      reviewer: 403,
      viewer: 403,
      admin: 200,
      outsider: 404,
      anonymous: 401,
    },
  },
  {
    action: 'list the members',
    call: async ({ footprint }) => ({
      method: 'GET',
      path: `/api/footprints/${footprint.slug}/members`,
    }),
    outcomes: readers(200),
  },
  {
    action: "change a member's role",
    call: async (w) => {
      const member = await aMemberToManage(w);
      return {
        method: 'PATCH',
        path: `/api/footprints/${w.footprint.slug}/members/${member.id}`,
        body: { role: 'author' },
        unchanged: async () => expect(await roleOf(w.footprint.id, member.id)).toBe('viewer'),
      };
    },
    outcomes: leadsOnly(200, 200),
  },
  {
    action: 'remove a member',
    call: async (w) => {
      const member = await aMemberToManage(w);
      return {
        method: 'DELETE',
        path: `/api/footprints/${w.footprint.slug}/members/${member.id}`,
        unchanged: async () => expect(await roleOf(w.footprint.id, member.id)).toBe('viewer'),
      };
    },
    outcomes: leadsOnly(204, 204),
  },
  {
    action: 'list the member organisations',
    call: async ({ footprint }) => ({
      method: 'GET',
      path: `/api/footprints/${footprint.slug}/organisations`,
    }),
    outcomes: readers(200),
  },
  {
    action: 'add a member organisation',
    call: async ({ footprint }) => {
      const name = `Matrix Council ${unique()}`;
      return {
        method: 'POST',
        path: `/api/footprints/${footprint.slug}/organisations`,
        body: { name, kind: 'council' },
        unchanged: async () => {
          const { rows } = await db.query('SELECT 1 FROM organisations WHERE name = $1', [name]);
          expect(rows).toHaveLength(0);
        },
      };
    },
    outcomes: leadsOnly(201, 201),
  },
  {
    action: 'list the invitations',
    call: async ({ footprint }) => ({
      method: 'GET',
      path: `/api/footprints/${footprint.slug}/invitations`,
    }),
    outcomes: leadsOnly(200, 200),
  },
  {
    action: 'invite someone',
    call: async ({ footprint }) => {
      const email = `invitee-${unique()}@example.nhs.uk`;
      return {
        method: 'POST',
        path: `/api/footprints/${footprint.slug}/invitations`,
        body: { email, role: 'viewer' },
        unchanged: async () => {
          const { rows } = await db.query('SELECT 1 FROM invitations WHERE email = $1', [email]);
          expect(rows).toHaveLength(0);
        },
      };
    },
    outcomes: leadsOnly(201, 201),
  },
  {
    action: 'withdraw an invitation',
    call: async ({ footprint, lead }) => {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO invitations (footprint_id, email, role, token_hash, invited_by_id, expires_at)
         VALUES ($1, $2, 'viewer', $3, $4, now() + interval '1 day') RETURNING id`,
        [footprint.id, `withdrawn-${unique()}@example.nhs.uk`, unique().repeat(8), lead.id],
      );
      const id = rows[0]!.id;
      return {
        method: 'DELETE',
        path: `/api/footprints/${footprint.slug}/invitations/${id}`,
        unchanged: async () => {
          const check = await db.query('SELECT revoked_at FROM invitations WHERE id = $1', [id]);
          expect(check.rows[0]).toEqual({ revoked_at: null });
        },
      };
    },
    outcomes: leadsOnly(204, 204),
  },
  {
    action: 'read the audit trail',
    call: async ({ footprint }) => ({
      method: 'GET',
      path: `/api/footprints/${footprint.slug}/audit`,
    }),
    outcomes: leadsOnly(200, 200),
  },
  {
    action: 'list the plans',
    call: async ({ footprint }) => ({
      method: 'GET',
      path: `/api/footprints/${footprint.slug}/plans`,
    }),
    outcomes: readers(403),
  },
  {
    action: 'start a plan',
    call: async ({ footprint }) => {
      const slug = `matrix-plan-${unique()}`;
      return {
        method: 'POST',
        path: `/api/footprints/${footprint.slug}/plans`,
        body: {
          title: 'Matrix Plan',
          slug,
          kind: 'joint_forward_plan',
          periodStart: '2024/25',
          periodEnd: '2028/29',
        },
        unchanged: async () => {
          const { rows } = await db.query('SELECT 1 FROM plans WHERE slug = $1', [slug]);
          expect(rows).toHaveLength(0);
        },
      };
    },
    outcomes: leadsOnly(201, 403),
  },
  {
    action: 'read a plan',
    call: async ({ plan }) => ({ method: 'GET', path: `/api/plans/${plan.id}` }),
    outcomes: readers(403),
  },
  {
    action: "change a plan's details",
    call: async ({ f, footprint }) => {
      const plan = await f.aPlan(footprint.id);
      return {
        method: 'PATCH',
        path: `/api/plans/${plan.id}`,
        body: { title: 'A Renamed Plan' },
        unchanged: async () => {
          const { rows } = await db.query('SELECT title FROM plans WHERE id = $1', [plan.id]);
          expect(rows[0]).toEqual({ title: plan.title });
        },
      };
    },
    outcomes: leadsOnly(200, 403),
  },
  {
    action: 'move a plan to consultation',
    call: async ({ f, footprint }) => {
      const plan = await f.aPlan(footprint.id);
      return {
        method: 'POST',
        path: `/api/plans/${plan.id}/status`,
        body: { status: 'consultation' },
        unchanged: async () => {
          const { rows } = await db.query('SELECT status FROM plans WHERE id = $1', [plan.id]);
          expect(rows[0]).toEqual({ status: 'drafting' });
        },
      };
    },
    outcomes: leadsOnly(200, 403),
  },
  {
    action: "list a plan's sections",
    call: async ({ plan }) => ({ method: 'GET', path: `/api/plans/${plan.id}/sections` }),
    outcomes: readers(403),
  },
  {
    action: 'add a section',
    call: async ({ f, footprint }) => {
      const plan = await f.aPlan(footprint.id);
      return {
        method: 'POST',
        path: `/api/plans/${plan.id}/sections`,
        body: { title: 'Urgent and emergency care', theme: 'care_and_quality' },
        unchanged: async () => expect(await sectionCount(plan.id)).toBe(0),
      };
    },
    outcomes: leadsOnly(201, 403),
  },
  {
    action: 'reorder the sections',
    call: async ({ f, footprint }) => {
      const plan = await f.aPlan(footprint.id);
      const first = await f.aSection(plan.id);
      const second = await f.aSection(plan.id);
      return {
        method: 'PUT',
        path: `/api/plans/${plan.id}/sections/order`,
        body: { sectionIds: [second.id, first.id] },
        unchanged: async () => {
          const { rows } = await db.query<{ id: string }>(
            'SELECT id FROM sections WHERE plan_id = $1 ORDER BY position',
            [plan.id],
          );
          expect(rows.map((r) => r.id)).toEqual([first.id, second.id]);
        },
      };
    },
    outcomes: leadsOnly(200, 403),
  },
  {
    action: 'read a section',
    call: async ({ section }) => ({ method: 'GET', path: `/api/sections/${section.id}` }),
    outcomes: readers(403),
  },
  {
    action: "change a section's details",
    call: async ({ f, plan }) => {
      const section = await f.aSection(plan.id);
      return {
        method: 'PATCH',
        path: `/api/sections/${section.id}`,
        body: { title: 'Renamed section', theme: 'finance_and_efficiency' },
        unchanged: async () => {
          const { rows } = await db.query('SELECT title FROM sections WHERE id = $1', [section.id]);
          expect(rows[0]).toEqual({ title: section.title });
        },
      };
    },
    outcomes: leadsOnly(200, 403),
  },
  {
    action: 'delete a section',
    call: async ({ f, plan }) => {
      const section = await f.aSection(plan.id);
      return {
        method: 'DELETE',
        path: `/api/sections/${section.id}`,
        unchanged: async () => {
          const { rows } = await db.query('SELECT 1 FROM sections WHERE id = $1', [section.id]);
          expect(rows).toHaveLength(1);
        },
      };
    },
    outcomes: leadsOnly(204, 403),
  },
  {
    action: "list a section's comment threads",
    call: async (w) => ({
      method: 'GET',
      path: `/api/sections/${(await aThread(w)).sectionId}/threads`,
    }),
    outcomes: readers(403),
  },
  {
    action: "count a plan's open comment threads",
    call: async ({ plan }) => ({ method: 'GET', path: `/api/plans/${plan.id}/open-thread-counts` }),
    outcomes: readers(403),
  },
  {
    action: 'start a comment thread',
    call: async (w) => {
      const { section, anchor } = await aSectionWithText(w);
      return {
        method: 'POST',
        path: `/api/sections/${section.id}/threads`,
        body: { anchor, body: 'Which cancers?' },
        unchanged: async () => {
          const { rows } = await db.query('SELECT 1 FROM comment_threads WHERE section_id = $1', [
            section.id,
          ]);
          expect(rows).toHaveLength(0);
        },
      };
    },
    outcomes: commenters(201),
  },
  {
    action: 'reply to a comment thread',
    call: async (w) => {
      const { threadId } = await aThread(w);
      return {
        method: 'POST',
        path: `/api/threads/${threadId}/comments`,
        body: { body: 'All of them.' },
        unchanged: async () => expect(await commentCount(threadId)).toBe(1),
      };
    },
    outcomes: commenters(201),
  },
  {
    action: "edit the lead's comment",
    call: async (w) => {
      const { commentId } = await aThread(w);
      return {
        method: 'PATCH',
        path: `/api/comments/${commentId}`,
        body: { body: 'Rewritten' },
        unchanged: async () => {
          const { rows } = await db.query('SELECT body FROM comments WHERE id = $1', [commentId]);
          expect(rows[0]).toEqual({ body: 'Is this all cancers?' });
        },
      };
    },
    outcomes: {
      lead: 200,
      author: 403,
      reviewer: 403,
      viewer: 403,
      admin: 403,
      outsider: 404,
      anonymous: 401,
    },
  },
  {
    action: 'resolve a comment thread',
    call: async (w) => {
      const { threadId } = await aThread(w);
      return {
        method: 'POST',
        path: `/api/threads/${threadId}/resolve`,
        unchanged: async () => expect(await threadStatus(threadId)).toBe('open'),
      };
    },
    outcomes: commenters(200),
  },
  {
    action: 'reopen a comment thread',
    call: async (w) => {
      const { threadId } = await aThread(w, 'resolved');
      return {
        method: 'POST',
        path: `/api/threads/${threadId}/reopen`,
        unchanged: async () => expect(await threadStatus(threadId)).toBe('resolved'),
      };
    },
    outcomes: commenters(200),
  },
  {
    action: "read a section's review and its history",
    call: async ({ section }) => ({ method: 'GET', path: `/api/sections/${section.id}/review` }),
    outcomes: readers(403),
  },
  {
    action: 'ask for review of a section',
    call: async ({ f, plan, reviewer }) => {
      const section = await f.aSection(plan.id);
      return {
        method: 'POST',
        path: `/api/sections/${section.id}/review/request`,
        body: { reviewerIds: [reviewer.id] },
        unchanged: async () => expect(await statusOf(section.id)).toBe('draft'),
      };
    },
    outcomes: { ...leadsOnly(200, 403), author: 200 },
  },
  {
    action: 'approve a section (assigned reviewers and leads)',
    call: async (w) => {
      const section = await aSectionInReview(w);
      return {
        method: 'POST',
        path: `/api/sections/${section.id}/review/decision`,
        body: { decision: 'approve' },
        unchanged: async () => expect(await statusOf(section.id)).toBe('in_review'),
      };
    },
    outcomes: { ...leadsOnly(200, 403), reviewer: 200 },
  },
  {
    action: 'send a section back with a note (assigned reviewers and leads)',
    call: async (w) => {
      const section = await aSectionInReview(w);
      return {
        method: 'POST',
        path: `/api/sections/${section.id}/review/decision`,
        body: { decision: 'request_changes', note: 'Add the costs.' },
        unchanged: async () => expect(await statusOf(section.id)).toBe('in_review'),
      };
    },
    outcomes: { ...leadsOnly(200, 403), reviewer: 200 },
  },
  {
    action: 'see what changed since a section was approved',
    call: async (w) => {
      const section = await anApprovedSection(w);
      return { method: 'GET', path: `/api/sections/${section.id}/review/changes` };
    },
    outcomes: readers(403),
  },
  {
    action: 'confirm an approval still stands',
    call: async (w) => {
      const section = await anApprovedSection(w);
      const events = async () =>
        (await db.query('SELECT 1 FROM section_review_events WHERE section_id = $1', [section.id]))
          .rows.length;
      return {
        method: 'POST',
        path: `/api/sections/${section.id}/review/approval`,
        body: { outcome: 'stands' },
        unchanged: async () => expect(await events()).toBe(1),
      };
    },
    outcomes: leadsOnly(200, 403),
  },
  {
    action: 'withdraw an approval',
    call: async (w) => {
      const section = await anApprovedSection(w);
      return {
        method: 'POST',
        path: `/api/sections/${section.id}/review/approval`,
        body: { outcome: 'withdrawn', note: 'The figures moved.' },
        unchanged: async () => expect(await statusOf(section.id)).toBe('approved'),
      };
    },
    outcomes: leadsOnly(200, 403),
  },
  {
    action: "read a plan's dashboard",
    call: async ({ plan }) => ({ method: 'GET', path: `/api/plans/${plan.id}/dashboard` }),
    outcomes: readers(403),
  },
  {
    action: 'see whether they muted a plan',
    call: async ({ plan }) => ({ method: 'GET', path: `/api/plans/${plan.id}/mute` }),
    outcomes: readers(403),
  },
  {
    action: 'mute a plan for themselves',
    call: async ({ f, footprint }) => {
      const plan = await f.aPlan(footprint.id);
      return {
        method: 'PUT',
        path: `/api/plans/${plan.id}/mute`,
        body: { muted: true },
        unchanged: async () => {
          const { rows } = await db.query('SELECT 1 FROM plan_mutes WHERE plan_id = $1', [plan.id]);
          expect(rows).toHaveLength(0);
        },
      };
    },
    outcomes: readers(403),
  },
  {
    action: 'list their notifications',
    call: async () => ({ method: 'GET', path: '/api/notifications' }),
    outcomes: everyoneSignedIn,
  },
  {
    action: 'mark all their notifications read',
    call: async () => ({ method: 'POST', path: '/api/notifications/read-all' }),
    outcomes: everyoneSignedIn,
  },
  {
    action: 'filter the activity feed by plan, person and kind',
    call: async ({ footprint, plan, lead }) => ({
      method: 'GET',
      path: `/api/footprints/${footprint.slug}/audit?planId=${plan.id}&actorId=${lead.id}&kind=reviews`,
    }),
    outcomes: leadsOnly(200, 200),
  },
  {
    action: 'ask for a draft of a plan',
    call: async ({ plan }) => {
      const before = await draftCount(plan.id);
      return {
        method: 'POST',
        path: `/api/plans/${plan.id}/drafts`,
        body: { label: 'Board pack' },
        unchanged: async () => expect(await draftCount(plan.id)).toBe(before),
      };
    },
    outcomes: leadsOnly(201, 403),
  },
  {
    action: "list a plan's drafts",
    call: async ({ plan }) => ({ method: 'GET', path: `/api/plans/${plan.id}/drafts` }),
    outcomes: readers(403),
  },
  {
    action: 'read a draft',
    call: async (w) => ({ method: 'GET', path: `/api/drafts/${await aDraft(w, 'ready')}` }),
    outcomes: readers(403),
  },
  {
    action: "read a section's text from a draft",
    call: async (w) => ({
      method: 'GET',
      path: `/api/drafts/${await aDraft(w, 'ready')}/sections/${w.section.id}`,
    }),
    outcomes: readers(403),
  },
  {
    action: 'record that a section was restored from a draft',
    call: async (w) => {
      const before = await auditCount(db, w.footprint.id);
      return {
        method: 'POST',
        path: `/api/drafts/${await aDraft(w, 'ready')}/sections/${w.section.id}/restored`,
        unchanged: async () => expect(await auditCount(db, w.footprint.id)).toBe(before),
      };
    },
    outcomes: {
      lead: 204,
      author: 204,
      reviewer: 403,
      viewer: 403,
      admin: 403,
      outsider: 404,
      anonymous: 401,
    },
  },
  {
    action: 'compare two drafts',
    call: async (w) => {
      const [from, to] = [await aDraft(w, 'ready'), await aDraft(w, 'ready')];
      return {
        method: 'GET',
        path: `/api/plans/${w.plan.id}/drafts/compare?from=${from}&to=${to}`,
      };
    },
    outcomes: leadsOnly(200, 403),
  },
  {
    action: 'try a failed draft again',
    call: async (w) => {
      const draftId = await aDraft(w, 'failed');
      return {
        method: 'POST',
        path: `/api/drafts/${draftId}/retry`,
        unchanged: async () => {
          const { rows } = await db.query('SELECT status FROM plan_drafts WHERE id = $1', [
            draftId,
          ]);
          expect(rows[0]).toEqual({ status: 'failed' });
        },
      };
    },
    outcomes: leadsOnly(200, 403),
  },
  {
    action: 'publish a ready draft',
    call: async (w) => {
      const draftId = await aDraft(w, 'ready');
      return {
        method: 'POST',
        path: `/api/drafts/${draftId}/publish`,
        unchanged: async () => {
          const { rows } = await db.query('SELECT 1 FROM plan_publications WHERE draft_id = $1', [
            draftId,
          ]);
          expect(rows).toHaveLength(0);
        },
      };
    },
    outcomes: leadsOnly(201, 403),
  },
  {
    action: "list a plan's publications",
    call: async ({ plan }) => ({ method: 'GET', path: `/api/plans/${plan.id}/publications` }),
    outcomes: readers(403),
  },
  {
    action: "read a plan's draft schedule",
    call: async ({ plan }) => ({ method: 'GET', path: `/api/plans/${plan.id}/draft-schedule` }),
    outcomes: readers(403),
  },
  {
    action: "set a plan's draft schedule",
    call: async ({ plan }) => {
      const before = await scheduleState(plan.id);
      return {
        method: 'PUT',
        path: `/api/plans/${plan.id}/draft-schedule`,
        body: {
          days: ['monday'],
          time: '18:00',
          onlyIfChanged: true,
          enabled: true,
          labelPattern: 'Scheduled draft, {date}',
        },
        unchanged: async () => expect(await scheduleState(plan.id)).toEqual(before),
      };
    },
    outcomes: leadsOnly(200, 403),
  },
  {
    action: "remove a plan's draft schedule",
    call: async ({ plan }) => {
      await db.query(
        `INSERT INTO draft_schedules (plan_id, days, time_of_day, label_pattern)
         VALUES ($1, '{monday}', '18:00', 'Scheduled draft') ON CONFLICT DO NOTHING`,
        [plan.id],
      );
      return {
        method: 'DELETE',
        path: `/api/plans/${plan.id}/draft-schedule`,
        unchanged: async () => expect(await scheduleCount(plan.id)).toBe(1),
      };
    },
    outcomes: leadsOnly(204, 403),
  },
  {
    action: 'export a ready draft',
    call: async (w) => {
      const draftId = await aDraft(w, 'ready');
      return {
        method: 'POST',
        path: `/api/drafts/${draftId}/exports`,
        body: { format: 'pdf' },
        unchanged: async () => expect(await exportCount(draftId)).toBe(0),
      };
    },
    outcomes: { ...readers(403), lead: 201, author: 201, reviewer: 201, viewer: 201 },
  },
  {
    action: "list a draft's exports",
    call: async (w) => ({ method: 'GET', path: `/api/drafts/${await aDraft(w, 'ready')}/exports` }),
    outcomes: readers(403),
  },
  {
    action: 'download an export',
    call: async (w) => ({
      method: 'GET',
      path: `/api/exports/${await anExport(w, 'ready')}/download`,
    }),
    outcomes: readers(403),
  },
  {
    action: 'try a failed export again',
    call: async (w) => {
      const exportId = await anExport(w, 'failed');
      return {
        method: 'POST',
        path: `/api/exports/${exportId}/retry`,
        unchanged: async () => {
          const { rows } = await db.query('SELECT status FROM draft_exports WHERE id = $1', [
            exportId,
          ]);
          expect(rows[0]).toEqual({ status: 'failed' });
        },
      };
    },
    outcomes: readers(403),
  },
  {
    action: "read the plan's consultation",
    call: async ({ plan }) => ({ method: 'GET', path: `/api/plans/${plan.id}/consultation` }),
    outcomes: leadsOnly(200, 403),
  },
  {
    action: 'read consultation responses',
    call: async ({ plan }) => ({
      method: 'GET',
      path: `/api/plans/${plan.id}/consultation/responses`,
    }),
    outcomes: leadsOnly(200, 403),
  },
  {
    action: 'export consultation responses as CSV',
    call: async ({ plan }) => ({
      method: 'GET',
      path: `/api/plans/${plan.id}/consultation/responses.csv`,
    }),
    outcomes: leadsOnly(200, 403),
  },
];

const refusalCodes: Partial<Record<Outcome, string[]>> = {
  401: ['not_signed_in'],
  403: ['forbidden', 'admin_only', 'not_comment_author'],
  404: [
    'footprint_not_found',
    'plan_not_found',
    'section_not_found',
    'thread_not_found',
    'comment_not_found',
    'draft_not_found',
    'publishing_draft_not_found',
    'export_not_found',
  ],
};

beforeAll(async () => {
  api = await startApi();
  db = await connectTestDatabase();
  const f = factories(db);
  const [lead, author, reviewer, viewer, admin, outsider] = await Promise.all([
    f.aUser({ name: 'Matrix Lead' }),
    f.aUser({ name: 'Matrix Author' }),
    f.aUser({ name: 'Matrix Reviewer' }),
    f.aUser({ name: 'Matrix Viewer' }),
    f.anAdmin(),
    f.aUser({ name: 'Matrix Outsider' }),
  ]);
  const footprint = await f.aFootprint({
    members: { lead: [lead!], author: [author!], reviewer: [reviewer!], viewer: [viewer!] },
  });
  const plan = await f.aPlan(footprint.id);
  const section = await f.aSection(plan.id);
  world = { f, footprint, plan, section, lead: lead!, reviewer: reviewer! };
  const people: Array<[ActorName, TestUser]> = [
    ['lead', lead!],
    ['author', author!],
    ['reviewer', reviewer!],
    ['viewer', viewer!],
    ['admin', admin!],
    ['outsider', outsider!],
  ];
  for (const [name, user] of people)
    clients.set(name, await signedIn(new ApiClient(api.baseUrl), user));
  clients.set('anonymous', new ApiClient(api.baseUrl));
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

describe.each(matrix)('who may $action', (row) => {
  const cases = actorNames.map((actor) => {
    const outcome = row.outcomes[actor];
    const allowed = outcome < 300;
    return {
      actor,
      outcome,
      title: `${described[actor]} ${allowed ? 'can' : 'cannot'} ${row.action} (${outcome})`,
    };
  });

  it.each(cases)('$title', async ({ actor, outcome }) => {
    const call = await row.call(world);
    const auditBefore = await auditCount(db, world.footprint.id);
    const response = await clients
      .get(actor)!
      .request<{ code?: string }>(call.method, call.path, call.body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: outcome });
    if (outcome >= 400) {
      expect(refusalCodes[outcome]).toContain(response.body.code);
      if (call.method !== 'GET') {
        await call.unchanged?.();
        expect(await auditCount(db, world.footprint.id)).toBe(auditBefore);
      }
    }
  });
});
