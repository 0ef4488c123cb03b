import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, connectTestDatabase, startApi, type RunningApi } from '@commonplan/testing';
import type pg from 'pg';
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
    `INSERT INTO plan_draft_sections (draft_id, section_id, position, title, theme, review_status, html, markdown, words, blocks)
     VALUES ($1, $2, 0, 'A section', 'other', 'draft', '<p>Text</p>', 'Text', 1, '[{"kind":"paragraph","text":"Text"}]')`,
    [draftId, section.id],
  );
  return draftId;
}

async function draftCount(planId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM plan_drafts WHERE plan_id = $1',
    [planId],
  );
  return rows[0]!.n;
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
];

const refusalCodes: Partial<Record<Outcome, string[]>> = {
  401: ['not_signed_in'],
  403: ['forbidden', 'admin_only'],
  404: ['footprint_not_found', 'plan_not_found', 'section_not_found', 'draft_not_found'],
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
  world = { f, footprint, plan, section, lead: lead! };
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
