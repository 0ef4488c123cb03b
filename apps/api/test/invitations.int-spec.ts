import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CreatedInvitation,
  FootprintView,
  InvitationPreview,
  InvitationView,
  Me,
  Page,
} from '@commonplan/domain';
import { ApiClient, connectTestDatabase, startApi, type RunningApi } from '@commonplan/testing';
import type pg from 'pg';
import {
  factories,
  signedIn,
  unique,
  type Factories,
  type TestFootprint,
  type TestUser,
} from '@commonplan/testing';

/** A lead invites someone by email; the link shows what it is for, works once, and signs them in. */

let api: RunningApi;
let db: pg.Client;
let f: Factories;
let leadUser: TestUser;
let footprint: TestFootprint;
let lead: ApiClient;

interface ErrorBody {
  code: string;
  field?: string;
}

function tokenOf(invitation: CreatedInvitation): string {
  return new URL(invitation.acceptUrl).pathname.split('/').pop()!;
}

async function invite(email: string, role = 'author'): Promise<CreatedInvitation> {
  const response = await lead.post<CreatedInvitation>(
    `/api/footprints/${footprint.slug}/invitations`,
    { email, role },
  );
  expect(response.status).toBe(201);
  return response.body;
}

async function auditEvents(action: string, entityId: string) {
  const { rows } = await db.query<{ actor_id: string | null; footprint_id: string }>(
    'SELECT actor_id, footprint_id FROM audit_events WHERE action = $1 AND entity_id = $2',
    [action, entityId],
  );
  return rows;
}

beforeAll(async () => {
  api = await startApi({ env: { SMTP_URL: '' } });
  db = await connectTestDatabase();
  f = factories(db);
  leadUser = await f.aUser({ name: 'Inviting Lead' });
  footprint = await f.aFootprint({ members: { lead: [leadUser] } });
  lead = await signedIn(new ApiClient(api.baseUrl), leadUser);
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

describe('inviting someone new', () => {
  const email = `new-person-${unique()}@example.nhs.uk`;
  let created: CreatedInvitation;
  let invitee: ApiClient;

  beforeAll(async () => {
    created = await invite(email.toUpperCase());
    invitee = new ApiClient(api.baseUrl);
  });

  it('the lead gets the link back once, and is told it was not emailed when mail is off', () => {
    expect(created).toMatchObject({
      email,
      role: 'author',
      status: 'pending',
      emailed: false,
      invitedBy: 'Inviting Lead',
    });
    expect(created.acceptUrl).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  });

  it('only the hash of the link is stored', async () => {
    const { rows } = await db.query('SELECT 1 FROM invitations WHERE token_hash = $1', [
      tokenOf(created),
    ]);
    expect(rows).toHaveLength(0);
  });

  it('the invitation is listed as pending for the lead', async () => {
    const list = await lead.get<Page<InvitationView>>(
      `/api/footprints/${footprint.slug}/invitations`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.find((i) => i.id === created.id)).toMatchObject({
      email,
      status: 'pending',
    });
  });

  it('writes invitation.created to the audit trail, by the lead', async () => {
    expect(await auditEvents('invitation.created', created.id)).toEqual([
      { actor_id: leadUser.id, footprint_id: footprint.id },
    ]);
  });

  it('the link shows the footprint and role before anyone signs in', async () => {
    const preview = await invitee.get<InvitationPreview>(`/api/invitations/${tokenOf(created)}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      email,
      role: 'author',
      footprintName: footprint.name,
      invitedBy: 'Inviting Lead',
      hasAccount: false,
    });
  });

  it('a new person must give their name to accept', async () => {
    const response = await invitee.post<ErrorBody>(`/api/invitations/${tokenOf(created)}/accept`, {
      password: 'a long enough password',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'name_required', field: 'name' });
    const { rows } = await db.query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(rows).toHaveLength(0);
  });

  it('accepting with a name and password signs them in, a member with the invited role', async () => {
    const response = await invitee.post<Me>(`/api/invitations/${tokenOf(created)}/accept`, {
      name: 'Newly Invited',
      password: 'a long enough password',
    });
    expect(response.status).toBe(200);
    expect(invitee.sessionCookie).toBeDefined();
    expect(response.body.user).toMatchObject({ email, name: 'Newly Invited' });
    expect(response.body.memberships).toEqual([
      expect.objectContaining({ footprintSlug: footprint.slug, role: 'author' }),
    ]);
    const seen = await invitee.get<FootprintView>(`/api/footprints/${footprint.slug}`);
    expect(seen.status).toBe(200);
    expect(seen.body.myRole).toBe('author');
    // The password they chose is their password from now on.
    const again = new ApiClient(api.baseUrl);
    expect(
      (await again.post('/api/auth/sign-in', { email, password: 'a long enough password' })).status,
    ).toBe(200);
  });

  it('writes invitation.accepted to the audit trail, by the person who accepted', async () => {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      email,
    ]);
    expect(await auditEvents('invitation.accepted', created.id)).toEqual([
      { actor_id: rows[0]!.id, footprint_id: footprint.id },
    ]);
  });

  it('the link cannot be used twice (409)', async () => {
    const token = tokenOf(created);
    const other = new ApiClient(api.baseUrl);
    const response = await other.post<ErrorBody>(`/api/invitations/${token}/accept`, {
      name: 'Someone Else',
      password: 'another long password',
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('invitation_used');
    expect(other.sessionCookie).toBeUndefined();
    expect((await other.get<ErrorBody>(`/api/invitations/${token}`)).status).toBe(409);
  });

  it('inviting them again is refused: they are already a member (409)', async () => {
    const response = await lead.post<ErrorBody>(`/api/footprints/${footprint.slug}/invitations`, {
      email,
      role: 'viewer',
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'already_member', field: 'email' });
  });
});

describe('links that no longer work', () => {
  it('a withdrawn invitation cannot be previewed or accepted (409)', async () => {
    const email = `withdrawn-${unique()}@example.nhs.uk`;
    const created = await invite(email);
    const revoke = await lead.delete(`/api/footprints/${footprint.slug}/invitations/${created.id}`);
    expect(revoke.status).toBe(204);
    const token = tokenOf(created);
    const client = new ApiClient(api.baseUrl);
    const preview = await client.get<ErrorBody>(`/api/invitations/${token}`);
    expect(preview.status).toBe(409);
    expect(preview.body.code).toBe('invitation_revoked');
    const accept = await client.post<ErrorBody>(`/api/invitations/${token}/accept`, {
      name: 'Too Late',
      password: 'a long enough password',
    });
    expect(accept.status).toBe(409);
    expect(accept.body.code).toBe('invitation_revoked');
    const { rows } = await db.query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(rows).toHaveLength(0);
    expect(await auditEvents('invitation.revoked', created.id)).toHaveLength(1);
  });

  it('an expired invitation cannot be previewed or accepted (410)', async () => {
    const email = `expired-${unique()}@example.nhs.uk`;
    const created = await invite(email);
    await db.query("UPDATE invitations SET expires_at = now() - interval '1 hour' WHERE id = $1", [
      created.id,
    ]);
    const token = tokenOf(created);
    const client = new ApiClient(api.baseUrl);
    expect((await client.get<ErrorBody>(`/api/invitations/${token}`)).body.code).toBe(
      'invitation_expired',
    );
    const accept = await client.post<ErrorBody>(`/api/invitations/${token}/accept`, {
      name: 'Too Late',
      password: 'a long enough password',
    });
    expect(accept.status).toBe(410);
    expect(accept.body.code).toBe('invitation_expired');
    expect(client.sessionCookie).toBeUndefined();
    const { rows } = await db.query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(rows).toHaveLength(0);
  });

  it('a new invitation to the same person replaces the earlier link', async () => {
    const email = `twice-${unique()}@example.nhs.uk`;
    const first = await invite(email, 'viewer');
    const second = await invite(email, 'reviewer');
    const client = new ApiClient(api.baseUrl);
    expect((await client.get<ErrorBody>(`/api/invitations/${tokenOf(first)}`)).body.code).toBe(
      'invitation_revoked',
    );
    const preview = await client.get<InvitationPreview>(`/api/invitations/${tokenOf(second)}`);
    expect(preview.status).toBe(200);
    expect(preview.body.role).toBe('reviewer');
  });

  it('a link that was never issued is not found (404)', async () => {
    const response = await new ApiClient(api.baseUrl).get<ErrorBody>(
      `/api/invitations/${'Z'.repeat(43)}`,
    );
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('invitation_not_found');
  });
});

describe('inviting someone who already has an account', () => {
  let existing: TestUser;
  let created: CreatedInvitation;

  beforeAll(async () => {
    existing = await f.aUser({ name: 'Already Registered' });
    created = await invite(existing.email, 'reviewer');
  });

  it('the link says they have an account', async () => {
    const preview = await new ApiClient(api.baseUrl).get<InvitationPreview>(
      `/api/invitations/${tokenOf(created)}`,
    );
    expect(preview.body.hasAccount).toBe(true);
  });

  it('the wrong password is refused (401) and they do not join', async () => {
    const client = new ApiClient(api.baseUrl);
    const response = await client.post<ErrorBody>(`/api/invitations/${tokenOf(created)}/accept`, {
      name: 'Someone Pretending',
      password: 'not their password',
    });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'invitation_wrong_password', field: 'password' });
    expect(client.sessionCookie).toBeUndefined();
    const { rows } = await db.query(
      'SELECT 1 FROM memberships WHERE footprint_id = $1 AND user_id = $2',
      [footprint.id, existing.id],
    );
    expect(rows).toHaveLength(0);
  });

  it('accepting with their existing password joins them with the invited role, name unchanged', async () => {
    const client = new ApiClient(api.baseUrl);
    const response = await client.post<Me>(`/api/invitations/${tokenOf(created)}/accept`, {
      password: existing.password,
    });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ id: existing.id, name: 'Already Registered' });
    expect(response.body.memberships).toEqual([
      expect.objectContaining({ footprintSlug: footprint.slug, role: 'reviewer' }),
    ]);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    // Their password is unchanged.
    const again = new ApiClient(api.baseUrl);
    expect(
      (
        await again.post('/api/auth/sign-in', {
          email: existing.email,
          password: existing.password,
        })
      ).status,
    ).toBe(200);
  });
});
