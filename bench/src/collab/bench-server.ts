/**
 * The server under test, whichever it is: the real API (see api-server.ts) or a reference server
 * forked from peer-server.js. Each runs in a process of its own, so the CPU time and resident
 * memory read from /proc are the server's alone.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startApiServer, type ApiServerOptions } from './api-server.js';
import type { ServerKind } from './generator-protocol.js';
import type { PeerListening } from './peer-server.js';

export interface BenchServer {
  kind: ServerKind;
  /** What clients connect to: the API's base URL, or a reference server's WebSocket URL. */
  url: string;
  pid: number;
  /** Where it keeps documents, in words. */
  persistence: string;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  commonplan: ApiServerOptions;
  /** Hocuspocus's database, or null to keep its documents in memory. */
  hocuspocusDatabaseUrl: string | null;
}

const peerScript = fileURLToPath(new URL('./peer-server.js', import.meta.url));

async function startPeerServer(
  kind: Exclude<ServerKind, 'commonplan'>,
  databaseUrl: string | null,
): Promise<BenchServer> {
  const child = fork(peerScript, [kind, ...(databaseUrl ? [databaseUrl] : [])], {
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = await new Promise<PeerListening>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start in time`)), 30_000);
    child.once('message', (message: PeerListening) => {
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited with ${code} before listening:\n${stderr}`));
    });
  });
  return {
    kind,
    // The relay is socket.io, whose client takes the server's HTTP origin.
    url: `${kind === 'socketio-relay' ? 'http' : 'ws'}://127.0.0.1:${listening.port}`,
    pid: child.pid!,
    persistence: listening.persistence,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export async function startBenchServer(
  kind: ServerKind,
  options: BenchServerOptions,
): Promise<BenchServer> {
  if (kind === 'commonplan') {
    const api = await startApiServer(options.commonplan);
    return {
      kind,
      url: api.baseUrl,
      pid: api.pid,
      persistence:
        'PostgreSQL: every update appended to the section log, group-committed before it is acknowledged',
      stop: () => api.stop(),
    };
  }
  if (kind === 'hocuspocus' && options.hocuspocusDatabaseUrl) {
    try {
      return await startPeerServer(kind, options.hocuspocusDatabaseUrl);
    } catch (error) {
      process.stdout.write(
        `› Hocuspocus with its database extension did not start, so it runs in memory: ${error instanceof Error ? error.message : error}\n`,
      );
    }
  }
  return startPeerServer(kind, null);
}
