/**
 * What an idle connection and an open section cost the server in memory: open K signed-in sockets
 * that do nothing, then S sections with a few paragraphs each, and divide the growth of the API's
 * resident set by the count.
 */
import { createCollabSocket, SectionProvider, type CollabSocket } from '@commonplan/collab-client';
import { processRssKb, signIn, type ApiServer } from './api-server.js';
import { sleep } from './clock.js';

export interface IdleCostResult {
  connections: number;
  sections: number;
  rssKbPerConnection: number;
  rssKbPerSection: number;
}

const settleMs = 2_000;
const sectionsPerSocket = 25;

async function connected(socket: CollabSocket): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
    socket.connect();
  });
}

export async function measureIdleCost(
  server: ApiServer,
  authors: string[],
  password: string,
  connections: number,
  sectionIds: string[],
  perUser = 10,
): Promise<IdleCostResult> {
  const users = Math.ceil(connections / perUser) + 1;
  if (users > authors.length) throw new Error(`need ${users} authors, have ${authors.length}`);
  const cookies = await Promise.all(
    authors.slice(0, users).map((email) => signIn(server.baseUrl, email, password)),
  );
  const sockets: CollabSocket[] = [];
  const providers: SectionProvider[] = [];
  try {
    await sleep(settleMs);
    const beforeConnections = processRssKb(server.pid);
    for (let i = 0; i < connections; i += 1) {
      const socket = createCollabSocket({
        url: server.baseUrl,
        headers: { cookie: cookies[Math.floor(i / perUser)]!, origin: server.baseUrl },
      });
      sockets.push(socket);
    }
    await Promise.all(sockets.map(connected));
    await sleep(settleMs);
    const afterConnections = processRssKb(server.pid);
    const rssKbPerConnection = (afterConnections - beforeConnections) / connections;

    const sectionCookie = cookies[users - 1]!;
    const sectionSockets: CollabSocket[] = [];
    for (let i = 0; i < sectionIds.length; i += sectionsPerSocket)
      sectionSockets.push(
        createCollabSocket({
          url: server.baseUrl,
          headers: { cookie: sectionCookie, origin: server.baseUrl },
        }),
      );
    sockets.push(...sectionSockets);
    await Promise.all(sectionSockets.map(connected));
    await sleep(settleMs);
    const beforeSections = processRssKb(server.pid);
    sectionIds.forEach((sectionId, index) =>
      providers.push(
        new SectionProvider({
          url: server.baseUrl,
          sectionId,
          socket: sectionSockets[Math.floor(index / sectionsPerSocket)]!,
        }),
      ),
    );
    await Promise.all(providers.map((provider) => provider.synced()));
    await sleep(settleMs);
    const afterSections = processRssKb(server.pid);
    return {
      connections,
      sections: sectionIds.length,
      rssKbPerConnection,
      rssKbPerSection: (afterSections - beforeSections) / sectionIds.length,
    };
  } finally {
    for (const provider of providers) provider.destroy();
    for (const socket of sockets) socket.close();
  }
}
