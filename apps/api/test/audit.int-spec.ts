import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuditEventView,
  CreatedInvitation,
  Page,
  PlanView,
  SectionView,
} from '@commonplan/domain';
import { ApiClient, connectTestDatabase, startApi, type RunningApi } from '@commonplan/testing';
import type pg from 'pg';
import {
  factories,
  signedIn,
  type Factories,
  type TestFootprint,
  type TestUser,
} from '@commonplan/testing';

/**
 * Every change leaves an audit event saying who did what to which entity, when and from where; the
 * trail reads newest first, in pages, filtered by action; and the database refuses to rewrite it.
 */

let api: RunningApi;
let db: pg.Client;
let f: Factories;
let leadUser: TestUser;
let member: TestUser;
let footprint: TestFootprint;
let lead: ApiClient;
let started: Date;
let finished: Date;
const expected: Array<{ action: string; entityType: string; entityId: string }> = [];

function auditPath(query = ''): string {
  return `/api/footprints/${footprint.slug}/audit${query}`;
}

beforeAll(async () => {
  api = await startApi();
  db = await connectTestDatabase();
  f = factories(db);
  [leadUser, member] = await Promise.all([f.aUser({ name: 'Audited Lead' }), f.aUser()]);
  footprint = await f.aFootprint({ members: { lead: [leadUser!], viewer: [member!] } });
  started = new Date(Date.now() - 1000);
  lead = await signedIn(new ApiClient(api.baseUrl), leadUser!);

  const ok = <T>(response: { status: number; body: T }, status: number): T => {
    expect(response.status).toBe(status);
    return response.body;
  };
  const invitation = ok(
    await lead.post<CreatedInvitation>(`/api/footprints/${footprint.slug}/invitations`, {
      email: `audited-invitee-${footprint.slug}@example.nhs.uk`,
      role: 'viewer',
    }),
    201,
  );
  expected.push({
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: invitation.id,
  });
  ok(
    await lead.patch(`/api/footprints/${footprint.slug}/members/${member!.id}`, {
      role: 'author',
    }),
    200,
  );
  expected.push({ action: 'member.role_changed', entityType: 'user', entityId: member!.id });
  const plan = ok(
    await lead.post<PlanView>(`/api/footprints/${footprint.slug}/plans`, {
      title: 'Audited plan',
      kind: 'joint_forward_plan',
      periodStart: '2024/25',
      periodEnd: '2028/29',
    }),
    201,
  );
  expected.push({ action: 'plan.created', entityType: 'plan', entityId: plan.id });
  ok(await lead.patch(`/api/plans/${plan.id}`, { title: 'Audited plan, renamed' }), 200);
  expected.push({ action: 'plan.updated', entityType: 'plan', entityId: plan.id });
  ok(await lead.post(`/api/plans/${plan.id}/status`, { status: 'consultation' }), 200);
  expected.push({ action: 'plan.status_changed', entityType: 'plan', entityId: plan.id });
  const sections: SectionView[] = [];
  for (const title of ['First section', 'Second section']) {
    const section = ok(
      await lead.post<SectionView>(`/api/plans/${plan.id}/sections`, { title, theme: 'other' }),
      201,
    );
    sections.push(section);
    expected.push({ action: 'section.created', entityType: 'section', entityId: section.id });
  }
  ok(await lead.patch(`/api/sections/${sections[0]!.id}`, { theme: 'enabler' }), 200);
  expected.push({ action: 'section.updated', entityType: 'section', entityId: sections[0]!.id });
  ok(
    await lead.put(`/api/plans/${plan.id}/sections/order`, {
      sectionIds: [sections[1]!.id, sections[0]!.id],
    }),
    200,
  );
  expected.push({ action: 'section.reordered', entityType: 'plan', entityId: plan.id });
  ok(await lead.delete(`/api/sections/${sections[1]!.id}`), 204);
  expected.push({ action: 'section.deleted', entityType: 'section', entityId: sections[1]!.id });
  finished = new Date(Date.now() + 1000);
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

describe("a footprint's audit trail", () => {
  it('records every change, newest first, with who, what, which entity, when and from where', async () => {
    const response = await lead.get<Page<AuditEventView>>(auditPath('?pageSize=100'));
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(expected.length);
    const items = response.body.items;
    expect(
      items.map(({ action, entityType, entityId }) => ({ action, entityType, entityId })),
    ).toEqual([...expected].reverse());
    for (const item of items) {
      expect(item.actor).toEqual({ id: leadUser.id, name: 'Audited Lead', email: leadUser.email });
      expect(item.address).toMatch(/127\.0\.0\.1/);
      const at = new Date(item.at);
      expect(at.getTime()).toBeGreaterThanOrEqual(started.getTime());
      expect(at.getTime()).toBeLessThanOrEqual(finished.getTime());
    }
    const times = items.map((item) => item.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('says what changed: a role change names the roles, a status change the statuses', async () => {
    const roles = await lead.get<Page<AuditEventView>>(auditPath('?action=member.role_changed'));
    expect(roles.body.items[0]!.details).toEqual({ from: 'viewer', to: 'author' });
    const status = await lead.get<Page<AuditEventView>>(auditPath('?action=plan.status_changed'));
    expect(status.body.items[0]!.details).toEqual({ from: 'drafting', to: 'consultation' });
  });

  it('reads in pages that add up to the whole trail', async () => {
    const whole = (await lead.get<Page<AuditEventView>>(auditPath('?pageSize=100'))).body.items;
    const first = await lead.get<Page<AuditEventView>>(auditPath('?page=1&pageSize=4'));
    const second = await lead.get<Page<AuditEventView>>(auditPath('?page=2&pageSize=4'));
    const last = await lead.get<Page<AuditEventView>>(auditPath('?page=3&pageSize=4'));
    expect(first.body).toMatchObject({ page: 1, pageSize: 4, total: expected.length });
    expect(second.body).toMatchObject({ page: 2, pageSize: 4, total: expected.length });
    expect([...first.body.items, ...second.body.items, ...last.body.items]).toEqual(whole);
    expect(last.body.items).toHaveLength(expected.length - 8);
  });

  it('filters by action', async () => {
    const response = await lead.get<Page<AuditEventView>>(auditPath('?action=section.created'));
    expect(response.body.total).toBe(2);
    expect(response.body.items.map((item) => item.action)).toEqual([
      'section.created',
      'section.created',
    ]);
  });

  it('filters by who acted', async () => {
    const byMember = await lead.get<Page<AuditEventView>>(auditPath(`?actorId=${member.id}`));
    expect(byMember.body.total).toBe(0);
    const byLead = await lead.get<Page<AuditEventView>>(auditPath(`?actorId=${leadUser.id}`));
    expect(byLead.body.total).toBe(expected.length);
  });
});

describe('signing in is audited', () => {
  it('a sign-in records the person, their address and the request', async () => {
    const user = await f.aUser();
    const before = new Date(Date.now() - 1000);
    await signedIn(new ApiClient(api.baseUrl), user);
    const { rows } = await db.query<{
      actor_id: string;
      entity_type: string;
      entity_id: string;
      at: Date;
      ip: string;
      request_id: string;
    }>(
      `SELECT actor_id, entity_type, entity_id, at, ip, request_id FROM audit_events
        WHERE action = 'auth.signed_in' AND actor_id = $1`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: user.id, entity_type: 'user', entity_id: user.id });
    expect(rows[0]!.at.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(rows[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(rows[0]!.request_id).toBeTruthy();
  });

  it('a failed sign-in records the address tried, the person it matched and how many failures', async () => {
    const user = await f.aUser();
    const response = await new ApiClient(api.baseUrl).post('/api/auth/sign-in', {
      email: user.email,
      password: 'not the right one',
    });
    expect(response.status).toBe(401);
    const { rows } = await db.query<{ actor_id: string; ip: string; details: unknown }>(
      `SELECT actor_id, ip, details FROM audit_events
        WHERE action = 'auth.sign_in_failed' AND entity_id = $1`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_id).toBe(user.id);
    expect(rows[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(rows[0]!.details).toEqual({ email: user.email, failures: 1, locked: false });
  });
});

describe('the audit trail is append-only in the database', () => {
  /** Runs a statement in a transaction that is always rolled back, and returns its error. */
  async function refusal(sql: string, params: unknown[] = []) {
    await db.query('BEGIN');
    try {
      await db.query(sql, params);
      return null;
    } catch (error) {
      return error as { message: string; code: string };
    } finally {
      await db.query('ROLLBACK');
    }
  }

  async function anEventId(): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      'SELECT id FROM audit_events WHERE footprint_id = $1 ORDER BY id LIMIT 1',
      [footprint.id],
    );
    return rows[0]!.id;
  }

  it('an UPDATE is refused by a trigger', async () => {
    const error = await refusal("UPDATE audit_events SET action = 'tampered' WHERE id = $1", [
      await anEventId(),
    ]);
    expect(error).toMatchObject({
      code: '42501',
      message: 'audit events are append-only: UPDATE refused',
    });
  });

  it('a DELETE is refused by a trigger', async () => {
    const error = await refusal('DELETE FROM audit_events WHERE id = $1', [await anEventId()]);
    expect(error).toMatchObject({
      code: '42501',
      message: 'audit events are append-only: DELETE refused',
    });
  });

  it('a TRUNCATE is refused by a trigger', async () => {
    const error = await refusal('TRUNCATE audit_events');
    expect(error).toMatchObject({
      code: '42501',
      message: 'audit events are append-only: TRUNCATE refused',
    });
  });

  it('the refused changes left the rows as they were', async () => {
    const response = await lead.get<Page<AuditEventView>>(auditPath('?pageSize=100'));
    expect(response.body.total).toBe(expected.length);
    expect(response.body.items.map((item) => item.action)).not.toContain('tampered');
  });
});
