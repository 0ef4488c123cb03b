import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findWorkspaceRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return `${dir}/`;
}

/** The repository root, so test helpers find the built apps wherever jest runs from. */
export const workspaceRoot = findWorkspaceRoot(process.cwd());

export const defaultAdminDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
export const defaultRedisUrl = 'redis://127.0.0.1:6379';
