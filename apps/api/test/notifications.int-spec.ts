import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NotificationsPage, PlanMuteView, SectionView } from '@commonplan/domain';
import {
  ServerEvent,
  type NotificationMessage,
  type SectionChangedMessage,
} from '@commonplan/protocol';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  startSmtpSink,
  unique,
  type Factories,
  type RunningApi,
  type SmtpSink,
  type TestFootprint,
  type TestPlan,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import { CollabPeer, connectSocket, eventually } from './collab-test-client.js';

useOwnDatabase();

/** Who hears about a review step, live and listed, and by email when the instance sends mail. */

let api: RunningApi;
let db: pg.Client;
let f: Factories;

interface World {
  footprint: TestFootprint;
  plan: TestPlan;
  lead: TestUser;
  author: TestUser;
  reviewer: TestUser;
  otherReviewer: TestUser;
  as: Record<'lead' | 'author' | 'reviewer' | 'otherReviewer', ApiClient>;
}

async function aWorld(baseUrl = api.baseUrl): Promise<World> {
  const lead = await f.aUser({ name: 'Nia Lead' });
  const author = await f.aUser({ name: 'Ola Author' });
  const reviewer = await f.aUser({ name: 'Raj Reviewer' });
  const otherReviewer = await f.aUser({ name: 'Sue Reviewer' });
  const footprint = await f.aFootprint({
    members: { lead: [lead], author: [author], reviewer: [reviewer, otherReviewer] },
  });
  const plan = await f.aPlan(footprint.id);
  const as = {
    lead: await signedIn(new ApiClient(baseUrl), lead),
    author: await signedIn(new ApiClient(baseUrl), author),
    reviewer: await signedIn(new ApiClient(baseUrl), reviewer),
    otherReviewer: await signedIn(new ApiClient(baseUrl), otherReviewer),
  };
  return { footprint, plan, lead, author, reviewer, otherReviewer, as };
}

async function aSection(world: World): Promise<string> {
  const created = await world.as.lead.post<SectionView>(`/api/plans/${world.plan.id}/sections`, {
    title: `Mental health ${unique()}`,
    theme: 'care_and_quality',
    text: 'Shorter waits for talking therapies.',
  });
  expect(created.status).toBe(201);
  await f.anAssignment(created.body.id, world.author.id, 'author');
  return created.body.id;
}

async function notificationsOf(client: ApiClient): Promise<NotificationsPage> {
  const response = await client.get<NotificationsPage>('/api/notifications');
  expect(response.status).toBe(200);
  return response.body;
}

beforeAll(async () => {
  api = await startApi({ env: { SMTP_URL: '' } });
  db = await connectTestDatabase();
  f = factories(db);
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

describe('who is notified', () => {
  it('the reviewers asked are told, with a link to the section; the person asking is not', async () => {
    const world = await aWorld();
    const sectionId = await aSection(world);
    const asked = await world.as.lead.post(`/api/sections/${sectionId}/review/request`, {
      reviewerIds: [world.reviewer.id, world.otherReviewer.id, world.lead.id],
    });
    expect(asked.status).toBe(200);
    for (const client of [world.as.reviewer, world.as.otherReviewer]) {
      const page = await notificationsOf(client);
      expect(page.unread).toBe(1);
      expect(page.items).toEqual([
        expect.objectContaining({
          kind: 'review_requested',
          sectionId,
          planId: world.plan.id,
          footprintId: world.footprint.id,
          actor: { id: world.lead.id, name: 'Nia Lead' },
          link: `/sections/${sectionId}`,
          readAt: null,
          text: expect.stringContaining('Nia Lead asked you to review'),
        }),
      ]);
    }
    expect((await notificationsOf(world.as.lead)).total).toBe(0);
    expect((await notificationsOf(world.as.author)).total).toBe(0);
  });

  it('the section’s authors and the person who asked hear it was sent back, with the note', async () => {
    const world = await aWorld();
    const sectionId = await aSection(world);
    await world.as.lead.post(`/api/sections/${sectionId}/review/request`, {
      reviewerIds: [world.reviewer.id],
    });
    const sent = await world.as.reviewer.post(`/api/sections/${sectionId}/review/decision`, {
      decision: 'request_changes',
      note: 'Say who pays.',
    });
    expect(sent.status).toBe(200);
    for (const client of [world.as.author, world.as.lead]) {
      const page = await notificationsOf(client);
      expect(page.items[0]).toMatchObject({
        kind: 'changes_requested',
        text: expect.stringContaining('Say who pays.'),
        actor: { id: world.reviewer.id },
      });
    }
    expect((await notificationsOf(world.as.reviewer)).items.map((n) => n.kind)).toEqual([
      'review_requested',
    ]);
  });

  it('someone who muted the plan is not told, and is told again after unmuting', async () => {
    const world = await aWorld();
    const muted = await world.as.otherReviewer.put<PlanMuteView>(
      `/api/plans/${world.plan.id}/mute`,
      { muted: true },
    );
    expect(muted.body).toEqual({ planId: world.plan.id, muted: true });
    expect(
      (await world.as.otherReviewer.get<PlanMuteView>(`/api/plans/${world.plan.id}/mute`)).body
        .muted,
    ).toBe(true);
    const first = await aSection(world);
    await world.as.author.post(`/api/sections/${first}/review/request`, {
      reviewerIds: [world.reviewer.id, world.otherReviewer.id],
    });
    expect((await notificationsOf(world.as.otherReviewer)).total).toBe(0);
    expect((await notificationsOf(world.as.reviewer)).total).toBe(1);

    await world.as.otherReviewer.put(`/api/plans/${world.plan.id}/mute`, { muted: false });
    const second = await aSection(world);
    await world.as.author.post(`/api/sections/${second}/review/request`, {
      reviewerIds: [world.otherReviewer.id],
    });
    expect((await notificationsOf(world.as.otherReviewer)).total).toBe(1);
  });

  it('someone no longer in the footprint is not told', async () => {
    const world = await aWorld();
    const sectionId = await aSection(world);
    await world.as.author.post(`/api/sections/${sectionId}/review/request`, {
      reviewerIds: [world.reviewer.id],
    });
    await db.query('DELETE FROM memberships WHERE footprint_id = $1 AND user_id = $2', [
      world.footprint.id,
      world.author.id,
    ]);
    const approved = await world.as.reviewer.post(`/api/sections/${sectionId}/review/decision`, {
      decision: 'approve',
    });
    expect(approved.status).toBe(200);
    expect((await notificationsOf(world.as.author)).total).toBe(0);
  });

  it('muting needs access to the plan and a true or false', async () => {
    const world = await aWorld();
    const outsider = await signedIn(new ApiClient(api.baseUrl), await f.aUser());
    expect((await outsider.put(`/api/plans/${world.plan.id}/mute`, { muted: true })).status).toBe(
      404,
    );
    expect(
      (await world.as.author.put(`/api/plans/${world.plan.id}/mute`, { muted: 'yes' })).status,
    ).toBe(400);
  });
});

describe('unread counts', () => {
  it('counts what is unread, newest first; reading one or all brings the count down', async () => {
    const world = await aWorld();
    const sections = [await aSection(world), await aSection(world), await aSection(world)];
    for (const sectionId of sections)
      await world.as.author.post(`/api/sections/${sectionId}/review/request`, {
        reviewerIds: [world.reviewer.id],
      });
    const page = await notificationsOf(world.as.reviewer);
    expect(page).toMatchObject({ total: 3, unread: 3 });
    expect(page.items.map((n) => n.sectionId)).toEqual([...sections].reverse());

    const read = await world.as.reviewer.post<{ unread: number }>(
      `/api/notifications/${page.items[0]!.id}/read`,
    );
    expect(read.body).toEqual({ unread: 2 });
    const after = await notificationsOf(world.as.reviewer);
    expect(after.items[0]!.readAt).not.toBeNull();
    const unreadOnly = await world.as.reviewer.get<NotificationsPage>(
      '/api/notifications?unreadOnly=true&pageSize=1',
    );
    expect(unreadOnly.body).toMatchObject({ total: 2, unread: 2, pageSize: 1 });
    expect(unreadOnly.body.items).toHaveLength(1);

    expect(
      (await world.as.otherReviewer.post(`/api/notifications/${page.items[1]!.id}/read`)).status,
    ).toBe(404);
    expect((await world.as.reviewer.post('/api/notifications/not-an-id/read')).status).toBe(400);
    expect((await world.as.reviewer.get('/api/notifications?unreadOnly=perhaps')).status).toBe(400);

    await world.as.reviewer.post('/api/notifications/read-all');
    expect((await notificationsOf(world.as.reviewer)).unread).toBe(0);
  });
});

describe('live', () => {
  it('a signed-in tab receives its own notifications as they happen, with the unread count', async () => {
    const world = await aWorld();
    const sectionId = await aSection(world);
    const reviewerTab = await connectSocket(api.baseUrl, {
      cookie: world.as.reviewer.sessionCookie!,
    });
    const otherTab = await connectSocket(api.baseUrl, {
      cookie: world.as.otherReviewer.sessionCookie!,
    });
    const heard: NotificationMessage[] = [];
    const overheard: NotificationMessage[] = [];
    reviewerTab.on(ServerEvent.Notification, (message: NotificationMessage) => heard.push(message));
    otherTab.on(ServerEvent.Notification, (message: NotificationMessage) =>
      overheard.push(message),
    );
    try {
      await world.as.author.post(`/api/sections/${sectionId}/review/request`, {
        reviewerIds: [world.reviewer.id],
      });
      await eventually(() => heard.length === 1);
      expect(heard[0]).toMatchObject({
        unread: 1,
        notification: { kind: 'review_requested', sectionId, actor: { id: world.author.id } },
      });
      expect(overheard).toEqual([]);
    } finally {
      reviewerTab.close();
      otherTab.close();
    }
  });

  it('everyone with the section open hears that its status changed', async () => {
    const world = await aWorld();
    const sectionId = await aSection(world);
    const peer = new CollabPeer(api.baseUrl, world.as.author.sessionCookie!, sectionId);
    const changes: SectionChangedMessage[] = [];
    try {
      await peer.connect({ reconnection: false });
      peer.socket.on(ServerEvent.SectionChanged, (message: SectionChangedMessage) =>
        changes.push(message),
      );
      await world.as.lead.post(`/api/sections/${sectionId}/review/request`, {
        reviewerIds: [world.reviewer.id],
      });
      await world.as.reviewer.post(`/api/sections/${sectionId}/review/decision`, {
        decision: 'approve',
      });
      await eventually(() => changes.length === 2);
      expect(changes).toEqual([
        { sectionId, reason: 'review', reviewStatus: 'in_review', actorId: world.lead.id },
        { sectionId, reason: 'review', reviewStatus: 'approved', actorId: world.reviewer.id },
      ]);
    } finally {
      peer.close();
    }
  });
});

describe('by email', () => {
  let smtp: SmtpSink;
  let mailingApi: RunningApi;
  let worker: RunningApi;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const env = {
      SMTP_URL: smtp.url,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}notify-${unique()}:`,
      PUBLIC_URL: 'https://plans.example.nhs.uk',
    };
    mailingApi = await startApi({ env });
    worker = await startApi({ entry: 'worker', env });
  });

  afterAll(async () => {
    await Promise.all([mailingApi?.stop(), worker?.stop()]);
    await smtp?.close();
  });

  it('a reviewer asked is emailed a link to the section when SMTP_URL is set', async () => {
    const world = await aWorld(mailingApi.baseUrl);
    const created = await world.as.lead.post<SectionView>(`/api/plans/${world.plan.id}/sections`, {
      title: 'Cancer waits',
      theme: 'care_and_quality',
    });
    const sectionId = created.body.id;
    await world.as.lead.post(`/api/sections/${sectionId}/review/request`, {
      reviewerIds: [world.reviewer.id],
    });
    const mail = await smtp.waitFor(world.reviewer.email);
    const body = mail.data.replace(/=\r\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain('Nia Lead asked you to review');
    expect(body).toContain(`https://plans.example.nhs.uk/sections/${sectionId}`);
    expect(smtp.messages.some((m) => m.to.includes(world.lead.email))).toBe(false);
  });
});
