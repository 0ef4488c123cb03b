/** The installed versions of the servers compared and their clients, for the results file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './workspace.js';

const packages = {
  commonplan: null,
  'y-websocket': ['@y/websocket-server', 'y-websocket'],
  hocuspocus: ['@hocuspocus/server', '@hocuspocus/provider', '@hocuspocus/extension-database'],
  'socketio-relay': ['socket.io', 'socket.io-client'],
  yjs: ['yjs'],
} as const;

function installedVersion(name: string): string {
  for (const modules of ['bench/node_modules', 'node_modules']) {
    try {
      const manifest = JSON.parse(
        readFileSync(join(workspaceRoot, modules, name, 'package.json'), 'utf8'),
      ) as { version?: string };
      return manifest.version ?? 'unknown';
    } catch {
      // not installed here
    }
  }
  return 'unknown';
}

export function peerVersions(): Record<string, string> {
  const root = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const versions: Record<string, string> = { commonplan: `commonplan ${root.version}` };
  for (const [key, names] of Object.entries(packages)) {
    if (!names) continue;
    versions[key] = names.map((name) => `${name} ${installedVersion(name)}`).join(', ');
  }
  return versions;
}
