/**
 * How long a section with a long update log takes to open: a fresh client's join until its text
 * has arrived, against a freshly started API (so the document is not in memory), before and after
 * the server has compacted the log. Before timing, the new API opens a small section once, so the
 * figure is the cold document and not the cold process.
 */
import { createCollabSocket, SectionProvider } from '@commonplan/collab-client';
import type pg from 'pg';
import { signIn, startApiServer, type ApiServer, type ApiServerOptions } from './api-server.js';
import { logRows } from './bench-database.js';
import { waitUntil, wallClockMs } from './clock.js';

export interface LogLoadResult {
  rowsBefore: number;
  rowsAfter: number;
  beforeCompactionMs: number;
  afterCompactionMs: number;
}

async function timeJoin(server: ApiServer, cookie: string, sectionId: string): Promise<number> {
  const socket = createCollabSocket({
    url: server.baseUrl,
    headers: { cookie, origin: server.baseUrl },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
    socket.connect();
  });
  const started = wallClockMs();
  const provider = new SectionProvider({ url: server.baseUrl, sectionId, socket });
  await provider.synced();
  const elapsed = wallClockMs() - started;
  provider.destroy();
  socket.close();
  return elapsed;
}

async function coldJoin(
  serverOptions: ApiServerOptions,
  email: string,
  password: string,
  warmSectionId: string,
  sectionId: string,
  afterJoin?: () => Promise<void>,
): Promise<number> {
  const server = await startApiServer(serverOptions);
  try {
    const cookie = await signIn(server.baseUrl, email, password);
    await timeJoin(server, cookie, warmSectionId);
    const elapsed = await timeJoin(server, cookie, sectionId);
    await afterJoin?.();
    return elapsed;
  } finally {
    await server.stop();
  }
}

export async function measureLogLoad(
  db: pg.Client,
  serverOptions: ApiServerOptions,
  email: string,
  password: string,
  warmSectionId: string,
  sectionId: string,
): Promise<LogLoadResult> {
  const rowsBefore = await logRows(db, sectionId);
  // Opening the section finds the log long and starts compacting it in the background.
  const beforeCompactionMs = await coldJoin(
    serverOptions,
    email,
    password,
    warmSectionId,
    sectionId,
    () =>
      waitUntil(
        async () => (await logRows(db, sectionId)) < rowsBefore / 100,
        'compaction',
        300_000,
        100,
      ),
  );
  const rowsAfter = await logRows(db, sectionId);
  const afterCompactionMs = await coldJoin(
    serverOptions,
    email,
    password,
    warmSectionId,
    sectionId,
  );
  return { rowsBefore, rowsAfter, beforeCompactionMs, afterCompactionMs };
}
