/**
 * What a long section costs the API in memory: a fresh API opens a small section once (so the
 * process is warm), then a client opens S sections each holding about 20 pages of typed text, and
 * two growths are divided by S: the API's live V8 heap and the ArrayBuffers it keeps, after a full
 * garbage collection (taken by heap-probe.js inside the API), which is the document and its
 * bookkeeping; and the growth of its resident set (VmRSS) after a settling pause and that
 * collection, an upper bound that also counts memory V8 has not returned to the system.
 */
import { createCollabSocket, SectionProvider, type CollabSocket } from '@commonplan/collab-client';
import {
  processRssKb,
  signIn,
  startApiServer,
  type ApiServer,
  type ApiServerOptions,
} from './api-server.js';
import { sleep } from './clock.js';
import { contentFragment } from './section-text.js';

export interface SectionMemoryResult {
  sections: number;
  /** Characters of text in one such section, as the client sees it. */
  characters: number;
  rssKbPerSection: number;
  /** Growth of the live heap and buffers (after garbage collection) per section. */
  heapKbPerSection: number;
}

const settleMs = 2_000;
const sectionsPerSocket = 10;

async function connected(server: ApiServer, cookie: string): Promise<CollabSocket> {
  const socket = createCollabSocket({
    url: server.baseUrl,
    headers: { cookie, origin: server.baseUrl },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
    socket.connect();
  });
  return socket;
}

export async function measureSectionMemory(
  serverOptions: ApiServerOptions,
  email: string,
  password: string,
  warmSectionId: string,
  sectionIds: string[],
): Promise<SectionMemoryResult> {
  const server = await startApiServer({ ...serverOptions, heapProbe: true });
  const sockets: CollabSocket[] = [];
  const providers: SectionProvider[] = [];
  try {
    const cookie = await signIn(server.baseUrl, email, password);
    const sectionSockets = await Promise.all(
      Array.from({ length: Math.ceil(sectionIds.length / sectionsPerSocket) + 1 }, () =>
        connected(server, cookie),
      ),
    );
    sockets.push(...sectionSockets);
    const warm = new SectionProvider({
      url: server.baseUrl,
      sectionId: warmSectionId,
      socket: sectionSockets[0]!,
    });
    providers.push(warm);
    await warm.synced();
    await sleep(settleMs);
    // The heap first: its full garbage collection clears what start-up left, which the resident
    // set would otherwise count before and not after (a negative growth).
    const heapBefore = await server.heapUsedKb();
    const before = processRssKb(server.pid);
    const opened = sectionIds.map(
      (sectionId, index) =>
        new SectionProvider({
          url: server.baseUrl,
          sectionId,
          socket: sectionSockets[1 + Math.floor(index / sectionsPerSocket)]!,
        }),
    );
    providers.push(...opened);
    await Promise.all(opened.map((provider) => provider.synced()));
    await sleep(settleMs);
    const heapAfter = await server.heapUsedKb();
    const after = processRssKb(server.pid);
    const characters = opened[0]!.doc.getXmlFragment(contentFragment).toString().length;
    return {
      sections: sectionIds.length,
      characters,
      rssKbPerSection: (after - before) / sectionIds.length,
      heapKbPerSection: (heapAfter - heapBefore) / sectionIds.length,
    };
  } finally {
    for (const provider of providers) provider.destroy();
    for (const socket of sockets) socket.close();
    await server.stop();
  }
}
