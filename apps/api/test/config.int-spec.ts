import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HealthView } from '@commonplan/domain';
import {
  ApiClient,
  startApi,
  testDatabaseUrl,
  workspaceRoot,
  type RunningApi,
} from '@commonplan/testing';

/**
 * Start-up refuses bad configuration and says which variable is wrong; a running API reports its
 * health, describes itself in OpenAPI, and tags every response with a request id.
 */

const main = join(workspaceRoot, 'apps/api/dist/main.js');

/** Runs the API with the given variables and reports how it exited, if it exited on its own. */
function startWith(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main], {
      cwd: workspaceRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_PREFIX: process.env.TEST_REDIS_PREFIX ?? 'cp-test:',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('configuration is checked at start-up', () => {
  const bad: Array<[name: string, value: string, says: string]> = [
    ['PORT', 'abc', 'PORT must be a whole number from 0 to 65535 (got "abc")'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must be a postgres: or postgresql: URL'],
    ['SESSION_IDLE_MINUTES', '-5', 'SESSION_IDLE_MINUTES must be a whole number from 1'],
    ['REDIS_URL', 'not a url', 'REDIS_URL must be a URL (got "not a url")'],
    ['COOKIE_SECURE', 'perhaps', 'COOKIE_SECURE must be true or false (got "perhaps")'],
    ['NODE_ENV', 'staging', 'NODE_ENV must be one of development, test, production'],
    [
      'CONSULTATION_FORM_SECRET',
      'short',
      'CONSULTATION_FORM_SECRET must be at least 32 characters',
    ],
  ];
  const several = { PORT: '70000', SIGN_IN_LOCK_AFTER: 'ten', SMTP_URL: 'http://mail.example' };
  const outcomes = new Map<string, { code: number | null; stderr: string }>();

  // Each start-up is a process of its own; running them side by side keeps the file quick.
  beforeAll(async () => {
    const runs = await Promise.all([
      ...bad.map(([name, value]) => startWith({ [name]: value })),
      startWith(several),
    ]);
    bad.forEach(([name], i) => outcomes.set(name, runs[i]!));
    outcomes.set('several', runs[bad.length]!);
  }, 30_000);

  it.each(bad)(
    'the API refuses to start with %s=%s and names the variable',
    (name, _value, says) => {
      const { code, stderr } = outcomes.get(name)!;
      expect(code).toBe(78);
      expect(stderr).toContain('Invalid configuration');
      expect(stderr).toContain(says);
    },
  );

  it('names every bad variable at once', () => {
    const { code, stderr } = outcomes.get('several')!;
    expect(code).toBe(78);
    expect(stderr).toMatch(/PORT must be a whole number from 0 to 65535/);
    expect(stderr).toMatch(/SIGN_IN_LOCK_AFTER must be/);
    expect(stderr).toMatch(/SMTP_URL must be a smtp: or smtps: URL/);
  });
});

describe('a running API', () => {
  let api: RunningApi;
  let client: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    client = new ApiClient(api.baseUrl);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('reports itself healthy when it reaches PostgreSQL and Redis', async () => {
    const response = await client.get<HealthView>('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
  });

  it('publishes an OpenAPI description listing its paths', async () => {
    const response = await client.get<{ openapi: string; paths: Record<string, unknown> }>(
      '/api/docs-json',
    );
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/sign-in',
        '/api/auth/sign-out',
        '/api/auth/me',
        '/api/footprints',
        '/api/footprints/{slug}',
        '/api/footprints/{slug}/members',
        '/api/footprints/{slug}/members/{userId}',
        '/api/footprints/{slug}/organisations',
        '/api/footprints/{slug}/invitations',
        '/api/footprints/{slug}/invitations/{id}',
        '/api/footprints/{slug}/audit',
        '/api/footprints/{slug}/plans',
        '/api/invitations/{token}',
        '/api/invitations/{token}/accept',
        '/api/plans/{planId}',
        '/api/plans/{planId}/status',
        '/api/plans/{planId}/sections',
        '/api/plans/{planId}/sections/order',
        '/api/sections/{sectionId}',
        '/api/health',
      ]),
    );
  });

  it.each([
    ['a healthy answer', '/api/health', 200],
    ['a refusal', '/api/auth/me', 401],
    ['a path that does not exist', '/api/nothing-here', 404],
  ])('every response carries an x-request-id, %s included', async (_, path, status) => {
    const response = await client.get(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
  });

  it('an error body carries the same request id as its header', async () => {
    const response = await client.get<{ code: string; requestId: string }>('/api/nothing-here');
    expect(response.body.code).toBe('not_found');
    expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it("keeps a caller's sensible request id and replaces one that is not", async () => {
    const kept = await client.request('GET', '/api/health', undefined, {
      'x-request-id': 'trace-1234.abc',
    });
    expect(kept.headers.get('x-request-id')).toBe('trace-1234.abc');
    const replaced = await client.request('GET', '/api/health', undefined, {
      'x-request-id': 'no spaces; or <tags>',
    });
    expect(replaced.headers.get('x-request-id')).not.toBe('no spaces; or <tags>');
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('every request is logged with its id and outcome', async () => {
    const response = await client.get('/api/health');
    const id = response.headers.get('x-request-id');
    const deadline = Date.now() + 2000;
    let line: Record<string, unknown> | undefined;
    while (!line && Date.now() < deadline) {
      line = api.logs.find((entry) => entry.requestId === id && entry.msg === 'request');
      if (!line) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(line).toMatchObject({ method: 'GET', path: '/api/health', status: 200 });
  });
});
