import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  startPrivateRedis,
  testDatabaseUrl,
  workspaceRoot,
  type PrivateRedis,
} from '@commonplan/testing';

/**
 * Start-up refuses a Redis that would evict keys. A private redis-server on a free port plays the
 * badly configured Redis; the shared one is never touched.
 */

let redis: PrivateRedis;

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
  redis = await startPrivateRedis({ persistent: false, maxmemoryPolicy: 'allkeys-lru' });
});

afterAll(async () => {
  await redis?.close();
});

describe('a Redis that evicts keys', () => {
  it.each(['main', 'worker'] as const)(
    'the %s process refuses to start (exit 78) and says what to change',
    async (entry) => {
      const { code, stderr } = await startEntry(entry, {
        REDIS_URL: redis.url,
      });
      expect(code).toBe(78);
      expect(stderr).toContain('maxmemory-policy allkeys-lru');
      expect(stderr).toContain('Set maxmemory-policy to noeviction');
    },
  );
});
