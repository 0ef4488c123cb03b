import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { testDatabaseUrl, workspaceRoot } from '@commonplan/testing';

/**
 * Start-up refuses a Redis that would evict keys. A private redis-server on a free port plays the
 * badly configured Redis; the shared one is never touched.
 */

let redis: ChildProcess;
let redisPort: number;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function startEntry(
  entry: 'main' | 'worker',
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(workspaceRoot, `apps/api/dist/${entry}.js`)], {
      cwd: workspaceRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_PREFIX: 'cp-test-policy:',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

beforeAll(async () => {
  redisPort = await freePort();
  redis = spawn(
    'redis-server',
    [
      '--port',
      String(redisPort),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory',
      '64mb',
      '--maxmemory-policy',
      'allkeys-lru',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    redis.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
});

afterAll(() => {
  redis?.kill('SIGTERM');
});

describe('a Redis that evicts keys', () => {
  it.each(['main', 'worker'] as const)(
    'the %s process refuses to start (exit 78) and says what to change',
    async (entry) => {
      const { code, stderr } = await startEntry(entry, {
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      });
      expect(code).toBe(78);
      expect(stderr).toContain('maxmemory-policy allkeys-lru');
      expect(stderr).toContain('Set maxmemory-policy to noeviction');
    },
  );
});
