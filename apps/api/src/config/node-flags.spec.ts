import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * The node flags each entry point runs with are kept in apps/api/node-flags.json (decision 27):
 * `npm start`, the tests and the bench read it; the container's command and the compose file's
 * worker cannot, so these checks keep them the same.
 */
const root = join(__dirname, '../../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const flags = JSON.parse(read('apps/api/node-flags.json')) as Record<'main' | 'worker', string[]>;

describe('the API processes’ node flags', () => {
  it('are flags this node accepts', () => {
    for (const entry of ['main', 'worker'] as const) {
      const run = spawnSync(process.execPath, [...flags[entry], '-e', ''], { encoding: 'utf8' });
      expect({ entry, status: run.status, stderr: run.stderr }).toEqual({
        entry,
        status: 0,
        stderr: '',
      });
    }
  });

  it('are the container’s: the API in the Dockerfile, the worker in docker-compose.yml', () => {
    expect(read('Dockerfile')).toContain(
      `node ${[...flags.main, 'apps/api/dist/main.js'].join(' ')}`,
    );
    const worker = ['node', ...flags.worker, 'apps/api/dist/worker.js'].map((part) => `'${part}'`);
    expect(read('docker-compose.yml')).toContain(`command: [${worker.join(', ')}]`);
  });
});
