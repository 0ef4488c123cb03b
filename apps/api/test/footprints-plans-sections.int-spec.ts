import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  FootprintSummary,
  FootprintView,
  MemberView,
  OrganisationView,
  Page,
  PlanSummary,
  PlanView,
  SectionView,
} from '@commonplan/domain';
import { ApiClient, connectTestDatabase, startApi, type RunningApi } from '@commonplan/testing';
import type pg from 'pg';
import {
  auditCount,
  factories,
  signedIn,
  unique,
  type Factories,
  type TestFootprint,
  type TestUser,
} from '@commonplan/testing';

/** What people rely on day to day: their footprints, plans moving through their life, sections. */

let api: RunningApi;
let db: pg.Client;
let f: Factories;
let adminUser: TestUser;
let admin: ApiClient;

interface ErrorBody {
  code: string;
  field?: string;
}

beforeAll(async () => {
  api = await startApi();
  db = await connectTestDatabase();
  f = factories(db);
  adminUser = await f.anAdmin();
  admin = await signedIn(new ApiClient(api.baseUrl), adminUser);
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

/** A footprint with a signed-in lead, ready for plans. */
async function aLedFootprint(): Promise<{
  footprint: TestFootprint;
  lead: ApiClient;
  leadUser: TestUser;
}> {
  const leadUser = await f.aUser();
  const footprint = await f.aFootprint({ members: { lead: [leadUser] } });
  return { footprint, leadUser, lead: await signedIn(new ApiClient(api.baseUrl), leadUser) };
}

describe('footprints', () => {
  const tag = unique();
  let person: TestUser;
  let client: ApiClient;
  let mine: TestFootprint[];
  let notMine: TestFootprint;

  beforeAll(async () => {
    person = await f.aUser();
    // Names starting "Aaa" sort before every other footprint, so they are on the admin's first page.
    mine = [
      await f.aFootprint({ name: `Aaa ${tag} Alpha`, members: { lead: [person] } }),
      await f.aFootprint({ name: `Aaa ${tag} Bravo`, members: { viewer: [person] } }),
      await f.aFootprint({ name: `Aaa ${tag} Charlie`, members: { reviewer: [person] } }),
    ];
    notMine = await f.aFootprint({ name: `Aaa ${tag} Delta` });
    client = await signedIn(new ApiClient(api.baseUrl), person);
  });

  it('a member sees only their own footprints, each with their role', async () => {
    const response = await client.get<Page<FootprintSummary>>('/api/footprints?pageSize=100');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(3);
    expect(response.body.items.map((item) => [item.slug, item.myRole])).toEqual([
      [mine[0]!.slug, 'lead'],
      [mine[1]!.slug, 'viewer'],
      [mine[2]!.slug, 'reviewer'],
    ]);
  });

  it('the list comes in pages, in name order, with the total', async () => {
    const first = await client.get<Page<FootprintSummary>>('/api/footprints?page=1&pageSize=2');
    const second = await client.get<Page<FootprintSummary>>('/api/footprints?page=2&pageSize=2');
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect([...first.body.items, ...second.body.items].map((item) => item.slug)).toEqual(
      mine.map((footprint) => footprint.slug),
    );
  });

  it('an instance admin sees every footprint, including those they do not belong to', async () => {
    const response = await admin.get<Page<FootprintSummary>>('/api/footprints?pageSize=100');
    const slugs = response.body.items.map((item) => item.slug);
    expect(slugs).toEqual(expect.arrayContaining([...mine, notMine].map((fp) => fp.slug)));
    expect(response.body.items.find((item) => item.slug === notMine.slug)?.myRole).toBeNull();
  });

  it('a footprint tells a member what their role lets them do', async () => {
    const response = await client.get<FootprintView>(`/api/footprints/${mine[1]!.slug}`);
    expect(response.body.myRole).toBe('viewer');
    expect(response.body.allowedActions).toEqual(
      expect.arrayContaining(['footprint.read', 'plan.read', 'section.read']),
    );
    expect(response.body.allowedActions).not.toContain('section.create');
  });

  it('an instance admin creates a footprint, its address made from its name', async () => {
    const name = `Created ${tag} Partnership`;
    const response = await admin.post<FootprintView>('/api/footprints', {
      name,
      region: 'London',
      population: 1_200_000,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name,
      slug: `created-${tag}-partnership`,
      memberCount: 0,
    });
    const again = await admin.post<ErrorBody>('/api/footprints', {
      name,
      region: 'London',
      population: 1_200_000,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'footprint_slug_taken', field: 'slug' });
  });

  it('an instance admin corrects a footprint and the change is audited', async () => {
    const response = await admin.patch<FootprintView>(`/api/footprints/${notMine.slug}`, {
      name: `Aaa ${tag} Delta (renamed)`,
      population: 777_000,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: `Aaa ${tag} Delta (renamed)`,
      population: 777_000,
    });
    const { rows } = await db.query('SELECT name, population FROM footprints WHERE id = $1', [
      notMine.id,
    ]);
    expect(rows[0]).toEqual({ name: `Aaa ${tag} Delta (renamed)`, population: 777_000 });
    expect(await auditCount(db, notMine.id)).toBe(1);
  });

  it('a correction that changes nothing is answered and writes nothing', async () => {
    const before = await auditCount(db, notMine.id);
    const response = await admin.patch<FootprintView>(`/api/footprints/${notMine.slug}`, {});
    expect(response.status).toBe(200);
    expect(response.body.slug).toBe(notMine.slug);
    expect(await auditCount(db, notMine.id)).toBe(before);
  });
});

describe('members and organisations', () => {
  it('members are listed leads first, then by name, in pages', async () => {
    const people = await Promise.all(
      ['Zed Lead', 'Amy Viewer', 'Bob Author', 'Cat Reviewer', 'Abe Author'].map((name) =>
        f.aUser({ name }),
      ),
    );
    const footprint = await f.aFootprint({
      members: {
        lead: [people[0]!],
        viewer: [people[1]!],
        author: [people[2]!, people[4]!],
        reviewer: [people[3]!],
      },
    });
    const lead = await signedIn(new ApiClient(api.baseUrl), people[0]!);
    const first = await lead.get<Page<MemberView>>(
      `/api/footprints/${footprint.slug}/members?pageSize=3`,
    );
    const second = await lead.get<Page<MemberView>>(
      `/api/footprints/${footprint.slug}/members?pageSize=3&page=2`,
    );
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(5);
    expect([...first.body.items, ...second.body.items].map((m) => [m.name, m.role])).toEqual([
      ['Zed Lead', 'lead'],
      ['Abe Author', 'author'],
      ['Bob Author', 'author'],
      ['Cat Reviewer', 'reviewer'],
      ['Amy Viewer', 'viewer'],
    ]);
  });

  it('an organisation with a known ODS code is reused, not duplicated', async () => {
    const { footprint, lead } = await aLedFootprint();
    const other = await aLedFootprint();
    const odsCode = `R${unique().slice(0, 5).toUpperCase()}`;
    const body = { name: `Shared Trust ${odsCode}`, kind: 'nhs_trust', odsCode };
    const first = await lead.post<OrganisationView>(
      `/api/footprints/${footprint.slug}/organisations`,
      body,
    );
    const second = await other.lead.post<OrganisationView>(
      `/api/footprints/${other.footprint.slug}/organisations`,
      body,
    );
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const clash = await other.lead.post<ErrorBody>(
      `/api/footprints/${other.footprint.slug}/organisations`,
      { ...body, name: 'Somebody Else Entirely' },
    );
    expect(clash.status).toBe(409);
    expect(clash.body.field).toBe('odsCode');
    const twice = await lead.post<ErrorBody>(
      `/api/footprints/${footprint.slug}/organisations`,
      body,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('organisation_already_member');
  });

  it('a lead changes a member’s role', async () => {
    const { footprint, lead } = await aLedFootprint();
    const member = await f.aUser();
    await f.aMembership(footprint.id, member.id, 'viewer');
    const response = await lead.patch<MemberView>(
      `/api/footprints/${footprint.slug}/members/${member.id}`,
      { role: 'reviewer' },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ userId: member.id, role: 'reviewer' });
    const memberClient = await signedIn(new ApiClient(api.baseUrl), member);
    const seen = await memberClient.get<FootprintView>(`/api/footprints/${footprint.slug}`);
    expect(seen.body.myRole).toBe('reviewer');
  });

  it('a lead may step down once there is another lead', async () => {
    const { footprint, lead, leadUser } = await aLedFootprint();
    const other = await f.aUser();
    await f.aMembership(footprint.id, other.id, 'lead');
    const response = await lead.patch<MemberView>(
      `/api/footprints/${footprint.slug}/members/${leadUser.id}`,
      { role: 'author' },
    );
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('author');
  });

  it('a lead removing a member also removes their section assignments in that footprint only', async () => {
    const { footprint, lead } = await aLedFootprint();
    const member = await f.aUser();
    await f.aMembership(footprint.id, member.id, 'author');
    const plan = await f.aPlan(footprint.id);
    const section = await f.aSection(plan.id);
    await f.anAssignment(section.id, member.id, 'author');
    const elsewhere = await f.aFootprint({ members: { author: [member] } });
    const elsewherePlan = await f.aPlan(elsewhere.id);
    const elsewhereSection = await f.aSection(elsewherePlan.id);
    await f.anAssignment(elsewhereSection.id, member.id, 'author');

    const response = await lead.delete(`/api/footprints/${footprint.slug}/members/${member.id}`);
    expect(response.status).toBe(204);
    const seen = await lead.get<SectionView>(`/api/sections/${section.id}`);
    expect(seen.body.authors).toEqual([]);
    const { rows } = await db.query<{ section_id: string }>(
      'SELECT section_id FROM section_assignees WHERE user_id = $1',
      [member.id],
    );
    expect(rows).toEqual([{ section_id: elsewhereSection.id }]);
    const memberClient = await signedIn(new ApiClient(api.baseUrl), member);
    expect((await memberClient.get(`/api/footprints/${footprint.slug}`)).status).toBe(404);
  });
});

describe('plans', () => {
  it('a plan a lead starts is listed, drafting, its address made from its title', async () => {
    const { footprint, lead } = await aLedFootprint();
    const created = await lead.post<PlanView>(`/api/footprints/${footprint.slug}/plans`, {
      title: 'Healthier Together: Joint Forward Plan',
      kind: 'joint_forward_plan',
      periodStart: '2024/25',
      periodEnd: '2028/29',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'healthier-together-joint-forward-plan',
      status: 'drafting',
      sectionCount: 0,
      footprintSlug: footprint.slug,
    });
    const list = await lead.get<Page<PlanSummary>>(`/api/footprints/${footprint.slug}/plans`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ id: created.body.id, title: created.body.title });
    const again = await lead.post<ErrorBody>(`/api/footprints/${footprint.slug}/plans`, {
      title: 'Healthier together — joint forward plan',
      kind: 'joint_forward_plan',
      periodStart: '2024/25',
      periodEnd: '2028/29',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'plan_slug_taken', field: 'title' });
  });

  it('the plans list comes in pages, most recently changed first', async () => {
    const { footprint, lead } = await aLedFootprint();
    const older = await f.aPlan(footprint.id);
    const newer = await f.aPlan(footprint.id);
    await db.query("UPDATE plans SET updated_at = now() - interval '1 day' WHERE id = $1", [
      older.id,
    ]);
    const first = await lead.get<Page<PlanSummary>>(
      `/api/footprints/${footprint.slug}/plans?pageSize=1`,
    );
    const second = await lead.get<Page<PlanSummary>>(
      `/api/footprints/${footprint.slug}/plans?pageSize=1&page=2`,
    );
    expect(first.body.total).toBe(2);
    expect([first.body.items[0]!.id, second.body.items[0]!.id]).toEqual([newer.id, older.id]);
  });

  it("a lead changes a plan's title and period", async () => {
    const { footprint, lead } = await aLedFootprint();
    const plan = await f.aPlan(footprint.id);
    const response = await lead.patch<PlanView>(`/api/plans/${plan.id}`, {
      title: 'Renamed plan',
      periodEnd: '2021/22',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      title: 'Renamed plan',
      periodStart: '2016/17',
      periodEnd: '2021/22',
      slug: plan.slug,
    });
  });

  it('a plan moves through its life only by the allowed steps', async () => {
    const { footprint, lead } = await aLedFootprint();
    const plan = await f.aPlan(footprint.id);
    const steps = ['consultation', 'drafting', 'consultation', 'published', 'archived', 'drafting'];
    const seen: string[] = [];
    for (const status of steps) {
      const response = await lead.post<PlanView>(`/api/plans/${plan.id}/status`, { status });
      expect(response.status).toBe(200);
      seen.push(response.body.status);
    }
    expect(seen).toEqual(steps);
    for (const [from, to] of [
      ['drafting', 'archived'],
      ['published', 'drafting'],
      ['archived', 'published'],
    ] as const) {
      await db.query('UPDATE plans SET status = $1 WHERE id = $2', [from, plan.id]);
      const refused = await lead.post<ErrorBody>(`/api/plans/${plan.id}/status`, { status: to });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('plan_invalid_transition');
      const { rows } = await db.query('SELECT status FROM plans WHERE id = $1', [plan.id]);
      expect(rows[0]).toEqual({ status: from });
    }
  });
});

describe('sections', () => {
  let footprint: TestFootprint;
  let lead: ApiClient;
  let leadUser: TestUser;
  const people: Record<'author' | 'reviewer' | 'viewer', TestUser> = {} as never;

  beforeAll(async () => {
    ({ footprint, lead, leadUser } = await aLedFootprint());
    for (const role of ['author', 'reviewer', 'viewer'] as const) {
      people[role] = await f.aUser({ name: `Section ${role}` });
      await f.aMembership(footprint.id, people[role].id, role);
    }
  });

  async function add(planId: string, title: string): Promise<SectionView> {
    const response = await lead.post<SectionView>(`/api/plans/${planId}/sections`, {
      title,
      theme: 'health_and_wellbeing',
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function order(planId: string): Promise<Array<[string, number]>> {
    const response = await lead.get<SectionView[]>(`/api/plans/${planId}/sections`);
    return response.body.map((section) => [section.title, section.position]);
  }

  it('sections are added at the end of the plan', async () => {
    const plan = await f.aPlan(footprint.id);
    const added = [
      await add(plan.id, 'One'),
      await add(plan.id, 'Two'),
      await add(plan.id, 'Three'),
    ];
    expect(added.map((section) => section.position)).toEqual([0, 1, 2]);
    expect(await order(plan.id)).toEqual([
      ['One', 0],
      ['Two', 1],
      ['Three', 2],
    ]);
    const planView = await lead.get<PlanView>(`/api/plans/${plan.id}`);
    expect(planView.body.sectionCount).toBe(3);
  });

  it('a new order is kept', async () => {
    const plan = await f.aPlan(footprint.id);
    const [one, two, three] = [
      await add(plan.id, 'One'),
      await add(plan.id, 'Two'),
      await add(plan.id, 'Three'),
    ];
    const response = await lead.put<SectionView[]>(`/api/plans/${plan.id}/sections/order`, {
      sectionIds: [three!.id, one!.id, two!.id],
    });
    expect(response.status).toBe(200);
    expect(response.body.map((section) => section.title)).toEqual(['Three', 'One', 'Two']);
    expect(await order(plan.id)).toEqual([
      ['Three', 0],
      ['One', 1],
      ['Two', 2],
    ]);
  });

  it('deleting a section closes the gap it leaves', async () => {
    const plan = await f.aPlan(footprint.id);
    const sections = [
      await add(plan.id, 'One'),
      await add(plan.id, 'Two'),
      await add(plan.id, 'Three'),
      await add(plan.id, 'Four'),
    ];
    expect((await lead.delete(`/api/sections/${sections[1]!.id}`)).status).toBe(204);
    expect(await order(plan.id)).toEqual([
      ['One', 0],
      ['Three', 1],
      ['Four', 2],
    ]);
    expect((await lead.get<ErrorBody>(`/api/sections/${sections[1]!.id}`)).body.code).toBe(
      'section_not_found',
    );
    const next = await add(plan.id, 'Five');
    expect(next.position).toBe(3);
  });

  it('authors must be leads or authors, and reviewers leads or reviewers', async () => {
    const plan = await f.aPlan(footprint.id);
    const section = await add(plan.id, 'Assigned');
    const wrong: Array<[field: 'authorIds' | 'reviewerIds', who: TestUser]> = [
      ['authorIds', people.viewer],
      ['authorIds', people.reviewer],
      ['reviewerIds', people.author],
      ['reviewerIds', people.viewer],
    ];
    for (const [field, who] of wrong) {
      const response = await lead.patch<ErrorBody>(`/api/sections/${section.id}`, {
        [field]: [who.id],
      });
      expect({ field, status: response.status, body: response.body }).toMatchObject({
        field,
        status: 400,
        body: { code: 'assignee_wrong_role', field },
      });
    }
    const { rows } = await db.query('SELECT 1 FROM section_assignees WHERE section_id = $1', [
      section.id,
    ]);
    expect(rows).toHaveLength(0);

    const right = await lead.patch<SectionView>(`/api/sections/${section.id}`, {
      authorIds: [people.author.id, leadUser.id],
      reviewerIds: [people.reviewer.id],
    });
    expect(right.status).toBe(200);
    expect(right.body.authors.map((a) => a.userId).sort()).toEqual(
      [people.author.id, leadUser.id].sort(),
    );
    expect(right.body.reviewers).toEqual([
      { userId: people.reviewer.id, name: 'Section reviewer', email: people.reviewer.email },
    ]);
    const replaced = await lead.patch<SectionView>(`/api/sections/${section.id}`, {
      authorIds: [],
    });
    expect(replaced.body.authors).toEqual([]);
    expect(replaced.body.reviewers).toHaveLength(1);
  });

  it('the lead organisation must be one of the footprint’s member organisations', async () => {
    const plan = await f.aPlan(footprint.id);
    const member = await f.anOrganisation(footprint.id, { kind: 'council' });
    const outsider = await f.anOrganisation(null);
    const refused = await lead.post<ErrorBody>(`/api/plans/${plan.id}/sections`, {
      title: 'Led from outside',
      theme: 'enabler',
      leadOrganisationId: outsider.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'lead_organisation_not_member',
      field: 'leadOrganisationId',
    });
    const created = await lead.post<SectionView>(`/api/plans/${plan.id}/sections`, {
      title: 'Led from inside',
      theme: 'enabler',
      leadOrganisationId: member.id,
    });
    expect(created.status).toBe(201);
    expect(created.body.leadOrganisation).toMatchObject({ id: member.id, kind: 'council' });
    const moved = await lead.patch<ErrorBody>(`/api/sections/${created.body.id}`, {
      leadOrganisationId: outsider.id,
    });
    expect(moved.status).toBe(400);
    const cleared = await lead.patch<SectionView>(`/api/sections/${created.body.id}`, {
      leadOrganisationId: null,
      dueDate: '2026-12-18',
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ leadOrganisation: null, dueDate: '2026-12-18' });
  });
});
