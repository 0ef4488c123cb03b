import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  type Factories,
  type RunningApi,
} from '@commonplan/testing';
import { ServerEvent, type CollabError } from '@commonplan/protocol';
import type pg from 'pg';
import { connectSocket, eventually } from './collab-test-client.js';

/**
 * Sessions (fixation, sign-out everywhere, cookie flags, lockouts), password rules, cross-site
 * request forgery, CORS, security headers and the audit trail, against the running API. The API
 * trusts X-Forwarded-For here so each test can sign in from a network address of its own; the
 * periodic socket re-check is slow (60 s), so a socket closed within seconds was closed by the
 * sign-out itself.
 */

const partnerOrigin = 'https://partner.example.test';

let api: RunningApi;
let db: pg.Client;
let f: Factories;

interface ErrorBody {
  code: string;
  message: string;
  field?: string;
}

/** A documentation-range IPv6 address no other test uses, so address counters start at zero. */
function aNetworkAddress(): string {
  const group = () => (0x1000 + (randomBytes(2).readUInt16BE() % 0xefff)).toString(16);
  return `2001:db8::${group()}:${group()}`;
}

function signInFrom(address: string, email: string, password: string, client?: ApiClient) {
  return (client ?? new ApiClient(api.baseUrl)).request<ErrorBody>(
    'POST',
    '/api/auth/sign-in',
    { email, password },
    { 'x-forwarded-for': address },
  );
}

async function auditActions(userId: string): Promise<string[]> {
  const { rows } = await db.query<{ action: string }>(
    'SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id',
    [userId],
  );
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  // A stand-in for the built web client, so `/` is served as in production.
  const webDist = mkdtempSync(join(tmpdir(), 'cp-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Commonplan</title>');
  api = await startApi({
    env: {
      WEB_DIST_DIR: webDist,
      SIGN_IN_SLOW_AFTER: '10',
      SIGN_IN_LOCK_AFTER: '3',
      SIGN_IN_ADDRESS_LOCK_AFTER: '5',
      SIGN_IN_LOCK_MINUTES: '2',
      TRUST_PROXY: 'true',
      ALLOWED_ORIGINS: partnerOrigin,
      COLLAB_ACCESS_RECHECK_SECONDS: '60',
      SMTP_URL: '',
    },
  });
  db = await connectTestDatabase();
  f = factories(db);
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

describe('session fixation', () => {
  it('signing in gives a new session id and makes the cookie held before useless', async () => {
    const user = await f.aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const before = client.sessionCookie!;
    await client.signIn(user.email, user.password);
    const after = client.sessionCookie!;
    expect(after).not.toBe(before);
    const replay = await new ApiClient(api.baseUrl).request<ErrorBody>(
      'GET',
      '/api/auth/me',
      undefined,
      { cookie: `cp_session=${before}` },
    );
    expect(replay.status).toBe(401);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const { rows } = await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
  });

  it('a session planted in a browser before someone signs in is ended by their sign-in', async () => {
    const attacker = await f.aUser();
    const victim = await f.aUser();
    const planted = (await signedIn(new ApiClient(api.baseUrl), attacker)).sessionCookie!;
    const response = await new ApiClient(api.baseUrl).request(
      'POST',
      '/api/auth/sign-in',
      { email: victim.email, password: victim.password },
      { cookie: `cp_session=${planted}` },
    );
    expect(response.status).toBe(200);
    const fresh = response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('cp_session='))!;
    expect(fresh).not.toContain(planted);
    const { rows } = await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [attacker.id]);
    expect(rows).toHaveLength(0);
  });
});

describe('the session token', () => {
  it('travels only in an HttpOnly, SameSite=Lax cookie: never in a body or a URL', async () => {
    const user = await f.aUser();
    const client = new ApiClient(api.baseUrl);
    const response = await client.signIn(user.email, user.password);
    const token = client.sessionCookie!;
    expect(JSON.stringify(response.body)).not.toContain(token);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('cp_session='))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
    const inQuery = await new ApiClient(api.baseUrl).get<ErrorBody>(
      `/api/auth/me?cp_session=${token}&token=${token}`,
    );
    expect(inQuery.status).toBe(401);
  });
});

describe('signing out everywhere', () => {
  it('ends every session of the person and closes their open sockets within seconds', async () => {
    const user = await f.aUser();
    const bystander = await f.aUser();
    const laptop = await signedIn(new ApiClient(api.baseUrl), user);
    const phone = await signedIn(new ApiClient(api.baseUrl), user);
    const other = await signedIn(new ApiClient(api.baseUrl), bystander);
    const phoneSocket = await connectSocket(api.baseUrl, { cookie: phone.sessionCookie });
    const otherSocket = await connectSocket(api.baseUrl, { cookie: other.sessionCookie });
    const errors: CollabError[] = [];
    phoneSocket.on(ServerEvent.Error, (error: CollabError) => errors.push(error));
    try {
      const response = await laptop.post('/api/auth/sign-out-everywhere');
      expect(response.status).toBe(204);
      expect(laptop.sessionCookie).toBeUndefined();
      expect((await phone.get('/api/auth/me')).status).toBe(401);
      await eventually(() => !phoneSocket.connected, 5000);
      expect(errors.map((error) => error.code)).toContain('session_expired');
      expect(otherSocket.connected).toBe(true);
      expect((await other.get('/api/auth/me')).status).toBe(200);
      const { rows } = await db.query<{ details: { sessions: number } }>(
        "SELECT details FROM audit_events WHERE action = 'auth.signed_out_everywhere' AND entity_id = $1",
        [user.id],
      );
      expect(rows.map((row) => row.details.sessions)).toEqual([2]);
    } finally {
      phoneSocket.disconnect();
      otherSocket.disconnect();
    }
  });

  it('signing out of one session closes that session’s sockets at once', async () => {
    const user = await f.aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const socket = await connectSocket(api.baseUrl, { cookie: client.sessionCookie });
    try {
      expect((await client.post('/api/auth/sign-out')).status).toBe(204);
      await eventually(() => !socket.connected, 5000);
    } finally {
      socket.disconnect();
    }
  });
});

describe('locking out repeated failures', () => {
  it('an account locks after its limit: 429 with when to try again, and the lock is audited', async () => {
    const user = await f.aUser();
    const address = aNetworkAddress();
    const answers = [];
    for (let i = 0; i < 3; i += 1)
      answers.push(await signInFrom(address, user.email, `wrong password ${i}`));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 429]);
    const locked = answers[2]!;
    expect(locked.body.code).toBe('sign_in_locked');
    expect(locked.body.message).toMatch(/Try again in 2 minutes \(after \d\d:\d\d UTC\)/);
    expect(Number(locked.headers.get('retry-after'))).toBe(120);
    const right = await signInFrom(aNetworkAddress(), user.email, user.password);
    expect(right.status).toBe(429);
    expect(await auditActions(user.id)).toEqual([
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_locked',
    ]);
  });

  it('a network address trying many accounts locks on its own, and other addresses carry on', async () => {
    const address = aNetworkAddress();
    const users = await Promise.all([1, 2, 3, 4, 5, 6].map(() => f.aUser()));
    const statuses = [];
    for (const user of users.slice(0, 5))
      statuses.push((await signInFrom(address, user.email, 'not the password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const refused = await signInFrom(address, users[5]!.email, users[5]!.password);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/from your network\. Try again in 2 minutes/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await signInFrom(aNetworkAddress(), users[5]!.email, users[5]!.password)).status).toBe(
      200,
    );
    const { rows } = await db.query<{ details: { scope: string }; ip: string }>(
      "SELECT details, ip FROM audit_events WHERE action = 'auth.sign_in_locked' AND entity_id = $1",
      [users[4]!.id],
    );
    expect(rows).toEqual([expect.objectContaining({ ip: address })]);
    expect(rows[0]!.details.scope).toBe('address');
  });
});

describe('password rules', () => {
  let leadClient: ApiClient;
  let footprintSlug: string;

  beforeAll(async () => {
    const lead = await f.aUser();
    const footprint = await f.aFootprint({ members: { lead: [lead] } });
    footprintSlug = footprint.slug;
    leadClient = await signedIn(new ApiClient(api.baseUrl), lead);
  });

  async function invitationToken(): Promise<{ token: string; email: string }> {
    const email = `new.person.${randomBytes(4).toString('hex')}@example.nhs.uk`;
    const response = await leadClient.post<{ acceptUrl: string }>(
      `/api/footprints/${footprintSlug}/invitations`,
      { email, role: 'author' },
    );
    expect(response.status).toBe(201);
    return { token: new URL(response.body.acceptUrl).pathname.split('/').pop()!, email };
  }

  it.each([
    ['a common password', 'Password123', 'weak_password', /most commonly used/],
    ['a password too short', 'short', 'validation_failed', /at least 10 characters/],
    ['the email address itself', '<email>', 'weak_password', /not your email address/],
    ['one character repeated', 'aaaaaaaaaaaa', 'weak_password', /one character repeated/],
  ])(
    'accepting an invitation with %s is refused with a clear message',
    async (_, password, code, says) => {
      const { token, email } = await invitationToken();
      const response = await new ApiClient(api.baseUrl).post<ErrorBody>(
        `/api/invitations/${token}/accept`,
        { name: 'New Person', password: password === '<email>' ? email : password },
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(code);
      expect(JSON.stringify(response.body)).toMatch(says);
      const { rows } = await db.query('SELECT 1 FROM users WHERE email = $1', [email]);
      expect(rows).toHaveLength(0);
    },
  );

  it('changing a password needs the current one and a strong new one', async () => {
    const user = await f.aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const wrong = await client.request<ErrorBody>(
      'POST',
      '/api/auth/password',
      { currentPassword: 'not my password', newPassword: 'a long and unusual passphrase' },
      { 'x-forwarded-for': aNetworkAddress() },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'wrong_current_password', field: 'currentPassword' });
    const weak = await client.post<ErrorBody>('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'qwertyuiop',
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'weak_password', field: 'newPassword' });
    expect((await new ApiClient(api.baseUrl).signIn(user.email, user.password)).status).toBe(200);
  });

  it('a changed password ends every other session, keeps this browser signed in, and is audited', async () => {
    const user = await f.aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const elsewhere = await signedIn(new ApiClient(api.baseUrl), user);
    const socket = await connectSocket(api.baseUrl, { cookie: elsewhere.sessionCookie });
    const before = client.sessionCookie;
    try {
      const response = await client.post('/api/auth/password', {
        currentPassword: user.password,
        newPassword: 'kettle lantern orchard ribbon',
      });
      expect(response.status).toBe(204);
      expect(client.sessionCookie).not.toBe(before);
      expect((await client.get('/api/auth/me')).status).toBe(200);
      expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
      await eventually(() => !socket.connected, 5000);
      expect((await signInFrom(aNetworkAddress(), user.email, user.password)).status).toBe(401);
      await new ApiClient(api.baseUrl).signIn(user.email, 'kettle lantern orchard ribbon');
      expect(await auditActions(user.id)).toContain('auth.password_changed');
    } finally {
      socket.disconnect();
    }
  });
});

describe('requests from other websites', () => {
  it('a change with a foreign, opaque or cross-site origin is refused with foreign_origin', async () => {
    const user = await f.aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const attempts: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: '', 'sec-fetch-site': 'cross-site' },
      { origin: '', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of attempts) {
      const response = await client.request<ErrorBody>('POST', '/api/auth/sign-out', {}, headers);
      expect([headers, response.status, response.body.code]).toEqual([
        headers,
        403,
        'foreign_origin',
      ]);
    }
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('a change from the configured partner origin is allowed', async () => {
    const user = await f.aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    const response = await client.request(
      'POST',
      '/api/auth/sign-out',
      {},
      { origin: partnerOrigin },
    );
    expect(response.status).toBe(204);
  });

  it('CORS answers only the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.baseUrl}/api/auth/me`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const partner = await preflight(partnerOrigin);
    expect(partner.headers.get('access-control-allow-origin')).toBe(partnerOrigin);
    expect(partner.headers.get('access-control-allow-credentials')).toBe('true');
    const read = await fetch(`${api.baseUrl}/api/health`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a socket handshake from another website is refused even with a valid cookie', async () => {
    const user = await f.aUser();
    const client = await signedIn(new ApiClient(api.baseUrl), user);
    await expect(
      connectSocket(api.baseUrl, { cookie: client.sessionCookie, origin: 'https://evil.example' }),
    ).rejects.toMatchObject({ data: { code: 'foreign_origin' } });
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/no-such-thing', '/'])(
    '%s carries a strict CSP, nosniff, a referrer policy, and no HSTS outside production',
    async (path) => {
      const response = await fetch(`${api.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(path === '/' ? 200 : path === '/api/health' ? 200 : 404);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('in production: HSTS on every response and the cookie marked Secure', async () => {
    const production = await startApi({
      env: { NODE_ENV: 'production', PUBLIC_URL: 'https://plans.example.test' },
    });
    try {
      const health = await fetch(`${production.baseUrl}/api/health`);
      expect(health.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
      const user = await f.aUser();
      const response = await new ApiClient(production.baseUrl).signIn(user.email, user.password);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('cp_session='))!;
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
    } finally {
      await production.stop();
    }
  });
});

describe('the audit trail', () => {
  it('no endpoint changes or deletes audit events', async () => {
    const { body } = await new ApiClient(api.baseUrl).get<{
      paths: Record<string, Record<string, unknown>>;
    }>('/api/docs-json');
    const writes = Object.entries(body.paths)
      .filter(([path]) => /audit|activity/i.test(path))
      .flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => `${method} ${path}`),
      );
    expect(Object.keys(body.paths).some((path) => /audit|activity/i.test(path))).toBe(true);
    expect(writes).toEqual([]);
  });

  it('sign-in, sign-out and sign-out everywhere are recorded with who and from where', async () => {
    const user = await f.aUser();
    const address = aNetworkAddress();
    const client = new ApiClient(api.baseUrl);
    await signInFrom(address, user.email, 'wrong password');
    await signInFrom(address, user.email, user.password, client);
    await client.request(
      'POST',
      '/api/auth/sign-out-everywhere',
      {},
      { 'x-forwarded-for': address },
    );
    const { rows } = await db.query<{ action: string; ip: string; actor_id: string | null }>(
      'SELECT action, ip, actor_id FROM audit_events WHERE entity_id = $1 ORDER BY id',
      [user.id],
    );
    expect(rows).toEqual([
      { action: 'auth.sign_in_failed', ip: address, actor_id: user.id },
      { action: 'auth.signed_in', ip: address, actor_id: user.id },
      { action: 'auth.signed_out_everywhere', ip: address, actor_id: user.id },
    ]);
  });
});

describe('client addresses behind a load balancer', () => {
  it('with TRUST_PROXY=1 the address the load balancer saw counts, not one the client wrote', async () => {
    const behindOne = await startApi({ env: { TRUST_PROXY: '1' } });
    try {
      const user = await f.aUser();
      const spoofed = aNetworkAddress();
      const seen = aNetworkAddress();
      const response = await new ApiClient(behindOne.baseUrl).request(
        'POST',
        '/api/auth/sign-in',
        { email: user.email, password: 'not the password' },
        { 'x-forwarded-for': `${spoofed}, ${seen}` },
      );
      expect(response.status).toBe(401);
      const { rows } = await db.query<{ ip: string }>(
        "SELECT ip FROM audit_events WHERE action = 'auth.sign_in_failed' AND entity_id = $1",
        [user.id],
      );
      expect(rows).toEqual([{ ip: seen }]);
    } finally {
      await behindOne.stop();
    }
  });
});
