import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, connectTestDatabase, startApi, type RunningApi } from '@commonplan/testing';
import type pg from 'pg';
import {
  auditCount,
  factories,
  signedIn,
  type Factories,
  type TestUser,
} from '@commonplan/testing';

/**
 * Signing in and out, slowing and locking repeated failures, sessions that end, the cookie's
 * attributes, and changes sent from other websites. The API runs with low limits: answers slow
 * after 2 failures and the address locks at 4, for a minute.
 */

let api: RunningApi;
let db: pg.Client;
let f: Factories;

beforeAll(async () => {
  api = await startApi({
    env: { SIGN_IN_SLOW_AFTER: '2', SIGN_IN_LOCK_AFTER: '4', SIGN_IN_LOCK_MINUTES: '1' },
  });
  db = await connectTestDatabase();
  f = factories(db);
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

interface ErrorBody {
  code: string;
  message: string;
}

async function timedSignIn(email: string, password: string) {
  const started = performance.now();
  const response = await new ApiClient(api.baseUrl).post<ErrorBody>('/api/auth/sign-in', {
    email,
    password,
  });
  return { response, ms: performance.now() - started };
}

describe('signing in', () => {
  it('a person signs in with their email in any case and sees who they are', async () => {
    const user = await f.aUser();
    const client = new ApiClient(api.baseUrl);
    const response = await client.post<{ user: { id: string } }>('/api/auth/sign-in', {
      email: user.email.toUpperCase(),
      password: user.password,
    });
    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(user.id);
    const me = await client.get<{ user: { email: string } }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(user.email);
  });

  it('the session cookie is HttpOnly and SameSite=Lax, for the whole site', async () => {
    const user = await f.aUser();
    const response = await new ApiClient(api.baseUrl).post('/api/auth/sign-in', {
      email: user.email,
      password: user.password,
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('cp_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
    // Only the token's hash is kept, never the token itself.
    const token = /^cp_session=([^;]+)/.exec(cookie!)![1]!;
    const { rows } = await db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]);
    expect(rows).toHaveLength(0);
  });

  it('a wrong password is refused with invalid_credentials and sets no cookie', async () => {
    const user = await f.aUser();
    const client = new ApiClient(api.baseUrl);
    const response = await client.post<ErrorBody>('/api/auth/sign-in', {
      email: user.email,
      password: 'not the password at all',
    });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('invalid_credentials');
    expect(client.sessionCookie).toBeUndefined();
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('an address with no account is refused the same way', async () => {
    const { response } = await timedSignIn('nobody-at-all@example.nhs.uk', 'some password');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('invalid_credentials');
  });

  it('a failed sign-in is recorded in the audit trail with the address it came from', async () => {
    const user = await f.aUser();
    await timedSignIn(user.email, 'wrong password, sorry');
    const { rows } = await db.query<{ actor_id: string; ip: string | null; request_id: string }>(
      `SELECT actor_id, ip, request_id FROM audit_events
        WHERE action = 'auth.sign_in_failed' AND details->>'email' = $1`,
      [user.email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_id).toBe(user.id);
    expect(rows[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(rows[0]!.request_id).toBeTruthy();
  });
});

describe('repeated failures', () => {
  let target: TestUser;
  let bystander: TestUser;
  const attempts: Array<{ status: number; code: string; ms: number; retryAfter: string | null }> =
    [];

  beforeAll(async () => {
    [target, bystander] = await Promise.all([f.aUser(), f.aUser()]);
    for (let i = 0; i < 4; i += 1) {
      const { response, ms } = await timedSignIn(target!.email, `wrong password ${i}`);
      attempts.push({
        status: response.status,
        code: response.body.code,
        ms,
        retryAfter: response.headers.get('retry-after'),
      });
    }
  });

  it('the first failures are answered at once with invalid_credentials', () => {
    expect(attempts.slice(0, 3).map((a) => [a.status, a.code])).toEqual([
      [401, 'invalid_credentials'],
      [401, 'invalid_credentials'],
      [401, 'invalid_credentials'],
    ]);
  });

  it('failures after the slow-down threshold are answered measurably later', () => {
    const quick = Math.max(attempts[0]!.ms, attempts[1]!.ms);
    // The third failure waits 250 ms and the fourth 500 ms before answering.
    expect(attempts[2]!.ms - quick).toBeGreaterThanOrEqual(200);
    expect(attempts[3]!.ms - quick).toBeGreaterThanOrEqual(450);
  });

  it('the failure that reaches the limit locks the address: 429 sign_in_locked with Retry-After', () => {
    expect(attempts[3]!.status).toBe(429);
    expect(attempts[3]!.code).toBe('sign_in_locked');
    const retryAfter = Number(attempts[3]!.retryAfter);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('while locked, even the right password is refused and no session is made', async () => {
    const client = new ApiClient(api.baseUrl);
    const response = await client.post<ErrorBody>('/api/auth/sign-in', {
      email: target.email,
      password: target.password,
    });
    expect(response.status).toBe(429);
    expect(response.body.code).toBe('sign_in_locked');
    expect(response.body.message).toMatch(/1 minute/);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(client.sessionCookie).toBeUndefined();
    const { rows } = await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [target.id]);
    expect(rows).toHaveLength(0);
  });

  it('a different address is not affected', async () => {
    const { response, ms } = await timedSignIn(bystander.email, bystander.password);
    expect(response.status).toBe(200);
    expect(ms).toBeLessThan(attempts[3]!.ms);
  });

  it('a successful sign-in clears the count of failures', async () => {
    const user = await f.aUser();
    for (let i = 0; i < 3; i += 1) await timedSignIn(user.email, 'a wrong password');
    expect((await timedSignIn(user.email, user.password)).response.status).toBe(200);
    // Without the reset the next failure would be the fourth, and lock the address.
    const again = await Promise.all([1, 2, 3].map(() => timedSignIn(user.email, 'wrong again')));
    expect(again.map((a) => a.response.status)).toEqual([401, 401, 401]);
    expect((await timedSignIn(user.email, user.password)).response.status).toBe(200);
  });
});

describe('sessions', () => {
  it('signing out ends the session on the server, not only in the browser', async () => {
    const user = await f.aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const token = client.sessionCookie!;
    const response = await client.post('/api/auth/sign-out');
    expect(response.status).toBe(204);
    expect(client.sessionCookie).toBeUndefined();
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const replay = await new ApiClient(api.baseUrl).request<ErrorBody>(
      'GET',
      '/api/auth/me',
      undefined,
      { cookie: `cp_session=${token}` },
    );
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('not_signed_in');
    const { rows } = await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(0);
  });

  it.each([
    ['past its absolute end', "UPDATE sessions SET expires_at = now() - interval '1 minute'"],
    [
      'unused for longer than the idle limit',
      "UPDATE sessions SET last_seen_at = now() - interval '9 hours'",
    ],
  ])('a session %s is refused with session_expired and its cookie cleared', async (_, update) => {
    const user = await f.aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    await db.query(`${update} WHERE user_id = $1`, [user.id]);
    const response = await client.get<ErrorBody>('/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('session_expired');
    const cleared = response.headers.getSetCookie().find((c) => c.startsWith('cp_session='));
    expect(cleared).toMatch(/^cp_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/i);
    expect(client.sessionCookie).toBeUndefined();
    const { rows } = await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(0);
  });

  it('a made-up session cookie is refused as not signed in', async () => {
    const response = await new ApiClient(api.baseUrl).request<ErrorBody>(
      'GET',
      '/api/auth/me',
      undefined,
      { cookie: `cp_session=${'A'.repeat(43)}` },
    );
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('not_signed_in');
  });
});

describe('requests from other websites', () => {
  it('a cross-origin change carrying a valid cookie is refused with foreign_origin and changes nothing', async () => {
    const lead = await f.aUser();
    const footprint = await f.aFootprint({ members: { lead: [lead] } });
    const client = await signedIn(new ApiClient(api.baseUrl), lead);
    const auditBefore = await auditCount(db, footprint.id);
    const response = await client.request<ErrorBody>(
      'POST',
      `/api/footprints/${footprint.slug}/plans`,
      {
        title: 'A plan from elsewhere',
        kind: 'other',
        periodStart: '2024/25',
        periodEnd: '2025/26',
      },
      { origin: 'http://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('foreign_origin');
    const { rows } = await db.query('SELECT 1 FROM plans WHERE footprint_id = $1', [footprint.id]);
    expect(rows).toHaveLength(0);
    expect(await auditCount(db, footprint.id)).toBe(auditBefore);
  });

  it('a cross-origin sign-out leaves the session alive', async () => {
    const user = await f.aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const response = await client.request<ErrorBody>(
      'POST',
      '/api/auth/sign-out',
      {},
      {
        origin: 'http://evil.example',
      },
    );
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('foreign_origin');
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });
});
