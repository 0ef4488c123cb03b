import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftSummary, NotificationsPage, NotificationView } from '@commonplan/domain';
import { initialContentUpdate, paragraphsToJson } from '@commonplan/editor';
import { ServerEvent, type NotificationMessage } from '@commonplan/protocol';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  unique,
  type Factories,
  type RunningApi,
  type TestPlan,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import * as Y from 'yjs';
import { connectSocket, eventually } from './collab-test-client.js';

useOwnDatabase();

/**
 * The notice that a draft is ready (or failed for good), end to end: the worker stores it with the
 * draft's final status, and every API instance pushes it to its own sockets. Two API instances and
 * a worker on one Redis; the person asking has a tab on each instance.
 */
describe('draft notices', () => {
  let db: pg.Client;
  let make: Factories;
  let env: Record<string, string>;
  let apis: RunningApi[] = [];
  let worker: RunningApi;

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    env = {
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}draft-notices-${unique()}:`,
      DRAFTS_JOB_ATTEMPTS: '2',
      DRAFTS_RETRY_DELAY_MS: '50',
      // Long enough to stop an API while the draft is being made.
      DRAFTS_PAUSE_PER_SECTION_MS: '700',
    };
    apis = [];
    for (let i = 0; i < 2; i++) apis.push(await startApi({ env, timeoutMs: 60_000 }));
    worker = await startApi({ entry: 'worker', env, timeoutMs: 60_000 });
  }, 200_000);

  afterAll(async () => {
    await Promise.all([...apis.map((api) => api.stop()), worker?.stop()]);
    await db?.end();
  });

  async function aLeadWithAPlan(): Promise<{
    lead: TestUser;
    plan: TestPlan;
    sectionIds: string[];
  }> {
    const lead = await make.aUser();
    const footprint = await make.aFootprint({ members: { lead: [lead, await make.aUser()] } });
    const plan = await make.aPlan(footprint.id);
    const sectionIds: string[] = [];
    for (const title of ['Prevention', 'Workforce']) {
      const section = await make.aSection(plan.id, { title });
      await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
        section.id,
        Buffer.from(initialContentUpdate(paragraphsToJson([`${title} text.`]))),
      ]);
      sectionIds.push(section.id);
    }
    return { lead, plan, sectionIds };
  }

  async function statusOf(draftId: string): Promise<string> {
    const { rows } = await db.query<{ status: string }>(
      'SELECT status FROM plan_drafts WHERE id = $1',
      [draftId],
    );
    return rows[0]!.status;
  }

  async function draftNotices(client: ApiClient): Promise<NotificationView[]> {
    const page = (await client.get<NotificationsPage>('/api/notifications')).body;
    return page.items.filter((item) => item.kind === 'draft_ready' || item.kind === 'draft_failed');
  }

  it('the lead who asked is told once that the draft is ready, live on each open tab, with a link to it', async () => {
    const { lead, plan } = await aLeadWithAPlan();
    const clients = await Promise.all(
      apis.map((api) => signedIn(new ApiClient(api.baseUrl), lead)),
    );
    const heard: NotificationMessage[][] = [];
    const sockets = await Promise.all(
      apis.map(async (api, index) => {
        const socket = await connectSocket(api.baseUrl, { cookie: clients[index]!.sessionCookie });
        const messages: NotificationMessage[] = [];
        socket.on(ServerEvent.Notification, (message: NotificationMessage) =>
          messages.push(message),
        );
        heard.push(messages);
        return socket;
      }),
    );

    const draft = (
      await clients[0]!.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'March' })
    ).body;
    await eventually(() => heard.every((messages) => messages.length > 0), 20_000);
    // Long enough for a second push from the other instance, were there one.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const messages of heard) {
      expect(messages).toHaveLength(1);
      expect(messages[0]!.notification).toMatchObject({
        kind: 'draft_ready',
        planId: plan.id,
        link: `/drafts/${draft.id}`,
        text: `Draft 1 of “${plan.title}” is ready`,
      });
      expect(messages[0]!.unread).toBe(1);
    }
    expect(await statusOf(draft.id)).toBe('ready');
    const stored = await draftNotices(clients[1]!);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(heard[0]![0]!.notification.id);
    for (const socket of sockets) socket.close();
  });

  it('is not lost when no API is running as the draft becomes ready', async () => {
    const { lead, plan } = await aLeadWithAPlan();
    const own = await startApi({ env, timeoutMs: 60_000 });
    const client = await signedIn(new ApiClient(own.baseUrl), lead);
    const draft = (await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'x' }))
      .body;
    await own.stop();
    // The other API instances are not listening to the queue either.
    await Promise.all(apis.map((api) => api.stop()));
    expect(await statusOf(draft.id)).not.toBe('ready');
    await eventually(async () => (await statusOf(draft.id)) === 'ready', 20_000);

    apis = [await startApi({ env, timeoutMs: 60_000 })];
    const notices = await draftNotices(await signedIn(new ApiClient(apis[0]!.baseUrl), lead));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'draft_ready', link: `/drafts/${draft.id}` });
  }, 180_000);

  it('tells the lead who asked when the draft failed for good, leading to the drafts page', async () => {
    if (apis.length === 0) apis = [await startApi({ env, timeoutMs: 60_000 })];
    const { lead, plan, sectionIds } = await aLeadWithAPlan();
    // A log row whose earlier changes are missing: the section's text cannot be read whole.
    const doc = new Y.Doc();
    doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
    const vector = Y.encodeStateVector(doc);
    doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      sectionIds[1],
      Buffer.from(Y.encodeStateAsUpdate(doc, vector)),
    ]);
    const client = await signedIn(new ApiClient(apis[0]!.baseUrl), lead);
    const socket = await connectSocket(apis[0]!.baseUrl, { cookie: client.sessionCookie });
    const heard: NotificationMessage[] = [];
    socket.on(ServerEvent.Notification, (message: NotificationMessage) => heard.push(message));
    const draft = (await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'x' }))
      .body;
    await eventually(() => heard.length > 0, 40_000);
    expect(await statusOf(draft.id)).toBe('failed');
    expect(heard[0]!.notification).toMatchObject({
      kind: 'draft_failed',
      link: `/plans/${plan.id}/drafts`,
      text: `Draft 1 of “${plan.title}” could not be made`,
    });
    // Only the final failure is told, not each try.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(heard).toHaveLength(1);
    expect(await draftNotices(client)).toHaveLength(1);
    socket.close();
  }, 90_000);
});
