/**
 * What the fault tests share: the API started behind fault proxies (to PostgreSQL, to Redis, and in
 * front of the API for its clients), and typists, section providers (the browser's own real-time
 * client) that type numbered words and note which of them the server has acknowledged as durable.
 */
import { SectionProvider } from '@commonplan/collab-client';
import {
  connectTestDatabase,
  defaultRedisUrl,
  factories,
  startApi,
  startFaultProxy,
  testDatabaseUrl,
  type FaultProxy,
  type RunningApi,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import * as Y from 'yjs';
import { fragmentName, storedDoc } from './collab-test-client.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function redisUrl(): string {
  return process.env.REDIS_URL ?? defaultRedisUrl;
}

/** Proxies in front of this run's PostgreSQL and Redis, to cut without touching the servers. */
export async function backendProxies(): Promise<{ database: FaultProxy; redis: FaultProxy }> {
  const database = new URL(testDatabaseUrl());
  const redis = new URL(redisUrl());
  return {
    database: await startFaultProxy(Number(database.port || 5432), database.hostname),
    redis: await startFaultProxy(Number(redis.port || 6379), redis.hostname),
  };
}

/** Environment that sends an API process's PostgreSQL and Redis traffic through the proxies. */
export function throughProxies(proxies: {
  database?: FaultProxy;
  redis?: FaultProxy;
}): Record<string, string> {
  return {
    ...(proxies.database ? { DATABASE_URL: proxies.database.urlFor(testDatabaseUrl()) } : {}),
    ...(proxies.redis ? { REDIS_URL: proxies.redis.urlFor(redisUrl()) } : {}),
  };
}

/** An author's sections, and one API whose line to PostgreSQL runs through a fault proxy. */
export interface DatabaseFaultSetup {
  db: pg.Client;
  proxies: { database: FaultProxy; redis: FaultProxy };
  api: RunningApi;
  author: TestUser;
  footprintSlug: string;
  sectionIds: string[];
  /** Restores the line, stops the API and the proxies, and closes the database client. */
  close(): Promise<void>;
}

export async function authorBehindDatabaseProxy(
  sections: number,
  env: Record<string, string> = {},
): Promise<DatabaseFaultSetup> {
  const db = await connectTestDatabase();
  const make = factories(db);
  const author = await make.aUser();
  const footprint = await make.aFootprint({ members: { author: [author] } });
  const plan = await make.aPlan(footprint.id);
  const sectionIds: string[] = [];
  for (let i = 0; i < sections; i += 1) sectionIds.push((await make.aSection(plan.id)).id);
  const proxies = await backendProxies();
  const api = await startApi({
    env: { ...throughProxies({ database: proxies.database }), ...env },
    timeoutMs: startTimeoutMs,
  });
  return {
    db,
    proxies,
    api,
    author,
    footprintSlug: footprint.slug,
    sectionIds,
    async close() {
      destroyProviders();
      proxies.database.restore();
      await api.stop();
      await proxies.database.close();
      await proxies.redis.close();
      await db.end();
    },
  };
}

/** The API behind a proxy of its own, so clients keep one address while instances come and go. */
export interface FrontedApi {
  api: RunningApi;
  front: FaultProxy;
  /** The address clients use: the front proxy's. */
  url: string;
}

export async function startFrontedApi(env: Record<string, string> = {}): Promise<FrontedApi> {
  const api = await startApi({ env, timeoutMs: startTimeoutMs });
  const front = await startFaultProxy(api.port);
  return { api, front, url: `http://127.0.0.1:${front.port}` };
}

/** Generous, because the machine running the tests may be busy. */
export const startTimeoutMs = 45_000;

/** A quick reconnect policy, so a test does not wait the browser's long backoff. */
export const quickReconnect = { minDelayMs: 100, maxDelayMs: 400 };

/**
 * One person typing into a section through a SectionProvider: each keystroke adds a paragraph
 * holding a unique word. A word counts as acknowledged once the provider's count of changes not
 * yet durable no longer covers it.
 */
export class Typist {
  readonly provider: SectionProvider;
  readonly typed: string[] = [];
  readonly acknowledged = new Set<string>();
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private n = 0;
  private durableUpTo = 0;

  constructor(
    readonly label: string,
    url: string,
    readonly sectionId: string,
    cookie: string,
    { ackTimeoutMs = 5_000 }: { ackTimeoutMs?: number } = {},
  ) {
    this.provider = new SectionProvider({
      url,
      sectionId,
      headers: { cookie: `cp_session=${cookie}`, origin: url },
      reconnect: quickReconnect,
      ackTimeoutMs,
    });
    // Acknowledgements come back in the order the changes were made (one socket, one commit
    // queue), so when `count` changes are unacknowledged, all but the newest `count` words are
    // durable.
    this.provider.on('unacknowledged', (count) => {
      for (; this.durableUpTo < this.typed.length - count; this.durableUpTo += 1)
        this.acknowledged.add(this.typed[this.durableUpTo]!);
    });
    live.add(this.provider);
  }

  /** Types one word now. */
  type(): string {
    const word = `${this.label}w${this.n++}x`;
    this.typed.push(word);
    const fragment = this.provider.doc.getXmlFragment(fragmentName);
    this.provider.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(word)]);
      fragment.insert(fragment.length, [paragraph]);
    });
    return word;
  }

  /** Types a word every few milliseconds until `stop()`, online or not. */
  start(everyMs = 15): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        this.type();
        await sleep(everyMs / 2 + Math.random() * everyMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Words typed that the server has not yet acknowledged. */
  unacknowledged(): string[] {
    return this.typed.filter((word) => !this.acknowledged.has(word));
  }

  text(): string {
    return this.provider.doc.getXmlFragment(fragmentName).toString();
  }

  destroy(): void {
    this.running = false;
    this.provider.destroy();
    live.delete(this.provider);
  }
}

const live = new Set<SectionProvider>();

/** Closes every provider a test opened, so a failed test leaves nothing reconnecting. */
export function destroyProviders(): void {
  for (const provider of live) provider.destroy();
  live.clear();
}

/** How many times each word occurs in a text. */
export function occurrences(text: string, words: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, 0);
  for (const match of text.matchAll(/>([^<>]+)</g)) {
    const word = match[1]!;
    if (counts.has(word)) counts.set(word, counts.get(word)! + 1);
  }
  return counts;
}

/** The words that are missing from a text, and those that occur more than once. */
export function missingAndDuplicated(
  text: string,
  words: Iterable<string>,
): { missing: string[]; duplicated: string[] } {
  const counts = occurrences(text, words);
  return {
    missing: [...counts].filter(([, n]) => n === 0).map(([word]) => word),
    duplicated: [...counts].filter(([, n]) => n > 1).map(([word]) => word),
  };
}

/** A section's text as PostgreSQL holds it. */
export async function storedText(db: pg.Client, sectionId: string): Promise<string> {
  const doc = await storedDoc(db, sectionId);
  try {
    return doc.getXmlFragment(fragmentName).toString();
  } finally {
    doc.destroy();
  }
}

/** Opens a section with a new provider, waits for its text, and closes it again. */
export async function freshText(url: string, sectionId: string, cookie: string): Promise<string> {
  const provider = new SectionProvider({
    url,
    sectionId,
    headers: { cookie: `cp_session=${cookie}`, origin: url },
    reconnect: quickReconnect,
  });
  live.add(provider);
  try {
    await provider.synced();
    return provider.doc.getXmlFragment(fragmentName).toString();
  } finally {
    provider.destroy();
    live.delete(provider);
  }
}

/** Waits until the check passes; fails with `describe()` of the last state after the timeout. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`condition not met in ${timeoutMs} ms ${describe()}`);
}
