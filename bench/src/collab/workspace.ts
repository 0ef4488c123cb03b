import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findWorkspaceRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The repository root, found from this file so the bench runs from any directory. */
export const workspaceRoot = findWorkspaceRoot(dirname(fileURLToPath(import.meta.url)));

export const defaultAdminDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
export const defaultRedisUrl = 'redis://127.0.0.1:6379';
