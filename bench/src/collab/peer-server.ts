/**
 * A reference server in a child process of its own (so its CPU time and memory are its own),
 * listening on a free port of 127.0.0.1 and telling the harness which over IPC:
 * - `y-websocket`: @y/websocket-server's `setupWSConnection`, as its own `server.js` runs it,
 *   documents in memory (no YPERSISTENCE);
 * - `hocuspocus`: @hocuspocus/server with its database extension storing each document's whole
 *   state in a table of the run's PostgreSQL database (`hocuspocus_documents`), when a database URL
 *   is given; in memory otherwise;
 * - `socketio-relay`: not a reference server but the floor under Commonplan (socketio-relay.ts).
 *
 * Run by the harness: node peer-server.js <y-websocket|hocuspocus|socketio-relay> [postgres-url]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import { setupWSConnection } from '@y/websocket-server/utils';
import pg from 'pg';
import { hocuspocusTable } from './hocuspocus-table.js';
import { startSocketioRelay } from './socketio-relay.js';
import { WebSocketServer } from 'ws';

export interface PeerListening {
  type: 'listening';
  port: number;
  persistence: string;
}

function tell(message: PeerListening): void {
  process.send?.(message);
}

async function startYWebsocket(): Promise<void> {
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('okay');
  });
  wss.on('connection', setupWSConnection);
  server.on('upgrade', (request, socket, head) =>
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tell({
    type: 'listening',
    port: (server.address() as AddressInfo).port,
    persistence: 'in memory',
  });
}

async function startHocuspocus(databaseUrl: string | undefined): Promise<void> {
  const extensions = [];
  let persistence = 'in memory';
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${hocuspocusTable} (name text PRIMARY KEY, data bytea NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
    );
    extensions.push(
      new Database({
        fetch: async ({ documentName }) => {
          const { rows } = await pool.query<{ data: Buffer }>(
            `SELECT data FROM ${hocuspocusTable} WHERE name = $1`,
            [documentName],
          );
          return rows[0] ? new Uint8Array(rows[0].data) : null;
        },
        store: async ({ documentName, state }) => {
          await pool.query(
            `INSERT INTO ${hocuspocusTable} (name, data) VALUES ($1, $2)
             ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_at = now()`,
            [documentName, state],
          );
        },
      }),
    );
    persistence = `PostgreSQL (${hocuspocusTable}: whole document state, debounced 2 s, at most every 10 s)`;
  }
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    extensions,
  });
  await server.listen();
  tell({ type: 'listening', port: server.address.port, persistence });
}

async function startRelay(): Promise<void> {
  const port = await startSocketioRelay();
  tell({ type: 'listening', port, persistence: 'in memory (acknowledged once applied)' });
}

const [kind, databaseUrl] = process.argv.slice(2);
const started =
  kind === 'y-websocket'
    ? startYWebsocket()
    : kind === 'hocuspocus'
      ? startHocuspocus(databaseUrl)
      : kind === 'socketio-relay'
        ? startRelay()
        : Promise.reject(new Error(`unknown reference server ${kind}`));
started.catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
