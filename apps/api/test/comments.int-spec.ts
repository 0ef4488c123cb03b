import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CommentThreadView, NotificationsPage, PlanDashboardView } from '@commonplan/domain';
import {
  anchorForText,
  initialContentUpdate,
  paragraphsToJson,
  type CommentAnchor,
} from '@commonplan/editor';
import { ServerEvent, type ThreadChangedMessage } from '@commonplan/protocol';
import {
  ApiClient,
  connectTestDatabase,
  factories,
  signedIn,
  startApi,
  type Factories,
  type RunningApi,
  type TestFootprint,
  type TestPlan,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import * as Y from 'yjs';
import {
  CollabPeer,
  connectSocket,
  eventually,
  sessionCookieOf,
  storedDoc,
} from './collab-test-client.js';

/**
 * Comment threads on section text, over REST and the real-time channel, against the built API:
 * starting, replying, editing, resolving and reopening; what is refused; and anchors that follow
 * the text while people edit it, including when the anchored text is deleted.
 */

const opening = 'Waits for a cancer diagnosis are too long.';
const second = 'We will open two community diagnostic centres by 2025.';

let api: RunningApi;
let db: pg.Client;
let f: Factories;
let footprint: TestFootprint;
let plan: TestPlan;
let lead: TestUser;
let author: TestUser;
let reviewer: TestUser;
let viewer: TestUser;
const as: Record<'lead' | 'author' | 'reviewer' | 'viewer' | 'outsider' | 'admin', ApiClient> =
  {} as never;

/** A section of the plan with the given paragraphs as its saved text. */
async function aSectionWithText(paragraphs: string[]): Promise<TestSection> {
  const section = await f.aSection(plan.id);
  await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
    section.id,
    Buffer.from(initialContentUpdate(paragraphsToJson(paragraphs))),
  ]);
  return section;
}

/** The anchor for the first occurrence of `text` in the section's saved text. */
async function anchorOn(sectionId: string, text: string): Promise<CommentAnchor> {
  const doc = await storedDoc(db, sectionId);
  const anchor = anchorForText(doc, text);
  doc.destroy();
  if (!anchor) throw new Error(`"${text}" is not in the section`);
  return anchor;
}

async function startThread(
  client: ApiClient,
  sectionId: string,
  text: string,
  body = `A question about "${text}".`,
  mentionIds?: string[],
) {
  return client.post<CommentThreadView & { code?: string; field?: string }>(
    `/api/sections/${sectionId}/threads`,
    { anchor: await anchorOn(sectionId, text), body, ...(mentionIds ? { mentionIds } : {}) },
  );
}

async function threadsOf(sectionId: string, client = as.viewer): Promise<CommentThreadView[]> {
  const response = await client.get<CommentThreadView[]>(`/api/sections/${sectionId}/threads`);
  expect(response.status).toBe(200);
  return response.body;
}

async function auditActions(threadId: string): Promise<string[]> {
  const { rows } = await db.query<{ action: string }>(
    'SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id',
    [threadId],
  );
  return rows.map((row) => row.action);
}

/** The text node of a paragraph of a peer's copy of the section. */
function paragraphText(peer: CollabPeer, index: number): Y.XmlText {
  return (peer.fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

beforeAll(async () => {
  api = await startApi();
  db = await connectTestDatabase();
  f = factories(db);
  [lead, author, reviewer, viewer] = await Promise.all([
    f.aUser({ name: 'Lena Lead' }),
    f.aUser({ name: 'Arun Author' }),
    f.aUser({ name: 'Rita Reviewer' }),
    f.aUser({ name: 'Vic Viewer' }),
  ]);
  const outsider = await f.aUser({ name: 'Olu Outsider' });
  const admin = await f.anAdmin();
  footprint = await f.aFootprint({
    members: { lead: [lead], author: [author], reviewer: [reviewer], viewer: [viewer] },
  });
  plan = await f.aPlan(footprint.id);
  const people = { lead, author, reviewer, viewer, outsider, admin };
  for (const [name, user] of Object.entries(people))
    as[name as keyof typeof as] = await signedIn(new ApiClient(api.baseUrl), user);
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

describe('a comment thread', () => {
  it('is started by an author on selected text, and everyone in the footprint can read it', async () => {
    const section = await aSectionWithText([opening, second]);
    const started = await startThread(
      as.author,
      section.id,
      'cancer diagnosis',
      'Which cancers does this cover?',
    );
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      sectionId: section.id,
      quotedText: 'cancer diagnosis',
      currentText: 'cancer diagnosis',
      detached: false,
      status: 'open',
      createdBy: { id: author.id, name: 'Arun Author' },
      comments: [
        { author: { id: author.id }, body: 'Which cancers does this cover?', editedAt: null },
      ],
    });
    const listed = await threadsOf(section.id, as.viewer);
    expect(listed.map((t) => t.id)).toEqual([started.body.id]);
    expect(await auditActions(started.body.id)).toEqual(['comment_thread.created']);
  });

  it('takes replies, edits by their author, resolving and reopening', async () => {
    const section = await aSectionWithText([opening]);
    const thread = (await startThread(as.reviewer, section.id, 'too long')).body;

    const replied = await as.author.post<CommentThreadView>(`/api/threads/${thread.id}/comments`, {
      body: '  We will add the 62-day figure.  ',
    });
    expect(replied.status).toBe(201);
    expect(replied.body.comments.map((c) => c.body)).toEqual([
      'A question about "too long".',
      'We will add the 62-day figure.',
    ]);
    const reply = replied.body.comments[1]!;

    const edited = await as.author.patch<CommentThreadView>(`/api/comments/${reply.id}`, {
      body: 'We will add the 62-day figure for 2019/20.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.comments[1]).toMatchObject({
      body: 'We will add the 62-day figure for 2019/20.',
      editedAt: expect.any(String),
    });

    const resolved = await as.reviewer.post<CommentThreadView>(`/api/threads/${thread.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolvedBy: { id: reviewer.id, name: 'Rita Reviewer' },
      resolvedAt: expect.any(String),
    });
    const again = await as.author.post<{ code: string }>(`/api/threads/${thread.id}/resolve`);
    expect(again).toMatchObject({ status: 409, body: { code: 'thread_already_resolved' } });

    const reopened = await as.author.post<CommentThreadView>(`/api/threads/${thread.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });
    expect(await auditActions(thread.id)).toEqual([
      'comment_thread.created',
      'comment_thread.replied',
      'comment_thread.resolved',
      'comment_thread.reopened',
    ]);
  });

  it('keeps script text as plain text, exactly as written', async () => {
    const section = await aSectionWithText([opening]);
    const body = '<script>alert("x")</script> & <b>bold</b> @Rita Reviewer';
    const thread = (await startThread(as.author, section.id, 'Waits', body, [reviewer.id])).body;
    const [listed] = await threadsOf(section.id);
    expect(listed!.comments[0]).toMatchObject({
      body,
      mentions: [{ id: reviewer.id, name: 'Rita Reviewer' }],
    });
    const { rows } = await db.query<{ body: string }>(
      'SELECT body FROM comments WHERE thread_id = $1',
      [thread.id],
    );
    expect(rows[0]!.body).toBe(body);
  });

  it('lists threads in the order of the text', async () => {
    const section = await aSectionWithText([opening, second]);
    const later = (await startThread(as.author, section.id, 'diagnostic centres')).body;
    const earlier = (await startThread(as.reviewer, section.id, 'Waits for')).body;
    expect((await threadsOf(section.id)).map((t) => t.id)).toEqual([earlier.id, later.id]);
  });

  it("counts a plan's open threads per section", async () => {
    const countedPlan = await f.aPlan(footprint.id);
    const section = await f.aSection(countedPlan.id);
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      section.id,
      Buffer.from(initialContentUpdate(paragraphsToJson([opening]))),
    ]);
    const first = (await startThread(as.author, section.id, 'Waits')).body;
    await startThread(as.author, section.id, 'too long');
    await as.author.post(`/api/threads/${first.id}/resolve`);
    const counts = await as.viewer.get(`/api/plans/${countedPlan.id}/open-thread-counts`);
    expect(counts).toMatchObject({ status: 200, body: { [section.id]: 1 } });
  });
});

describe('what a comment thread refuses', () => {
  let section: TestSection;
  beforeAll(async () => {
    section = await aSectionWithText([opening]);
  });

  const post = (body: unknown) =>
    as.author.post<{ code: string; field?: string; message: string }>(
      `/api/sections/${section.id}/threads`,
      body,
    );

  it('an empty comment', async () => {
    const response = await post({ anchor: await anchorOn(section.id, 'Waits'), body: '   \n ' });
    expect(response).toMatchObject({
      status: 400,
      body: { code: 'validation_failed', field: 'body' },
    });
  });

  it('a comment over 4,000 characters', async () => {
    const response = await post({
      anchor: await anchorOn(section.id, 'Waits'),
      body: 'x'.repeat(4001),
    });
    expect(response).toMatchObject({
      status: 400,
      body: { code: 'comment_too_long', field: 'body' },
    });
    const fits = await post({
      anchor: await anchorOn(section.id, 'Waits'),
      body: 'y'.repeat(4000),
    });
    expect(fits.status).toBe(201);
  });

  it('an anchor that is not an encoded position', async () => {
    const response = await post({
      anchor: { start: 'bm90IGEgcG9zaXRpb24', end: '!!' },
      body: 'Hi',
    });
    expect(response).toMatchObject({ status: 400, body: { field: 'anchor' } });
    const missing = await post({ body: 'Hi' });
    expect(missing).toMatchObject({ status: 400, body: { field: 'anchor' } });
  });

  it('an anchor on text that is not in the section', async () => {
    const elsewhere = await aSectionWithText(['Some other text entirely.']);
    const response = await post({ anchor: await anchorOn(elsewhere.id, 'other'), body: 'Hi' });
    expect(response).toMatchObject({
      status: 400,
      body: { code: 'anchor_not_in_text', field: 'anchor' },
    });
  });

  it('a mention of someone outside the footprint', async () => {
    const stranger = await f.aUser();
    const response = await post({
      anchor: await anchorOn(section.id, 'Waits'),
      body: '@Stranger what do you think?',
      mentionIds: [stranger.id],
    });
    expect(response).toMatchObject({
      status: 400,
      body: { code: 'mention_not_member', field: 'mentionIds' },
    });
    expect(response.body.message).toMatch(/members of this footprint/);
  });

  it('a body with a null character, and fields it does not know', async () => {
    const anchor = await anchorOn(section.id, 'Waits');
    expect((await post({ anchor, body: 'a\u0000b' })).status).toBe(400);
    expect((await post({ anchor, body: 'Hi', html: '<b>' })).status).toBe(400);
  });

  it('leaves no thread behind after any refusal', async () => {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM comment_threads WHERE section_id = $1',
      [section.id],
    );
    expect(rows[0]!.n).toBe(1); // the one that fitted at 4,000 characters
  });
});

describe('who may do what with comments', () => {
  let section: TestSection;
  let thread: CommentThreadView;
  beforeAll(async () => {
    section = await aSectionWithText([opening]);
    thread = (await startThread(as.author, section.id, 'cancer')).body;
  });

  it('a viewer reads threads but cannot start, reply to or resolve one', async () => {
    expect((await threadsOf(section.id, as.viewer)).length).toBe(1);
    expect((await startThread(as.viewer, section.id, 'Waits')).status).toBe(403);
    expect(
      (await as.viewer.post(`/api/threads/${thread.id}/comments`, { body: 'Hi' })).status,
    ).toBe(403);
    expect((await as.viewer.post(`/api/threads/${thread.id}/resolve`)).status).toBe(403);
  });

  it('only the author of a comment can edit it', async () => {
    const commentId = thread.comments[0]!.id;
    for (const client of [as.reviewer, as.lead]) {
      const response = await client.patch<{ code: string }>(`/api/comments/${commentId}`, {
        body: 'Rewritten by someone else',
      });
      expect(response).toMatchObject({ status: 403, body: { code: 'not_comment_author' } });
    }
    const [listed] = await threadsOf(section.id);
    expect(listed!.comments[0]!.body).toBe(thread.comments[0]!.body);
  });

  it('someone outside the footprint learns nothing: 404 everywhere', async () => {
    expect((await as.outsider.get(`/api/sections/${section.id}/threads`)).status).toBe(404);
    expect(
      (await as.outsider.post(`/api/threads/${thread.id}/comments`, { body: 'Hi' })).body,
    ).toMatchObject({ code: 'thread_not_found' });
    expect(
      (await as.outsider.patch(`/api/comments/${thread.comments[0]!.id}`, { body: 'Hi' })).body,
    ).toMatchObject({ code: 'comment_not_found' });
  });
});

describe('anchors while people edit', () => {
  it('follow the text when two people type before and inside it at once', async () => {
    const section = await aSectionWithText([opening, second]);
    const thread = (await startThread(as.reviewer, section.id, 'cancer diagnosis')).body;
    const [first, other] = [
      new CollabPeer(api.baseUrl, await sessionCookieOf(api.baseUrl, author), section.id),
      new CollabPeer(api.baseUrl, await sessionCookieOf(api.baseUrl, lead), section.id),
    ];
    try {
      await Promise.all([first.connect(), other.connect()]);
      await Promise.all([first.whenSynced(), other.whenSynced()]);
      paragraphText(first, 0).insert(0, 'In 2016, ');
      paragraphText(other, 0).insert(opening.indexOf('diagnosis'), 'and urgent ');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('A new opening paragraph.')]);
      other.fragment.insert(0, [paragraph]);
      await Promise.all([first.settled(), other.settled()]);
      expect(await first.lastSend).toBe(true);
      expect(await other.lastSend).toBe(true);
      const [listed] = await threadsOf(section.id);
      expect(listed).toMatchObject({
        id: thread.id,
        detached: false,
        currentText: 'cancer and urgent diagnosis',
        quotedText: 'cancer diagnosis',
      });
    } finally {
      first.close();
      other.close();
    }
  });

  it('detach when the anchored text is deleted, and the thread stays', async () => {
    const section = await aSectionWithText([opening, second]);
    const kept = (await startThread(as.author, section.id, 'diagnostic centres')).body;
    const doomed = (await startThread(as.author, section.id, 'cancer diagnosis')).body;
    const peer = new CollabPeer(
      api.baseUrl,
      await sessionCookieOf(api.baseUrl, author),
      section.id,
    );
    try {
      await peer.connect();
      await peer.whenSynced();
      paragraphText(peer, 0).delete(opening.indexOf('cancer'), 'cancer diagnosis'.length);
      await peer.settled();
      expect(await peer.lastSend).toBe(true);
      const listed = await threadsOf(section.id);
      expect(listed.map((t) => t.id)).toEqual([kept.id, doomed.id]);
      expect(listed[1]).toMatchObject({
        detached: true,
        currentText: null,
        quotedText: 'cancer diagnosis',
        status: 'open',
      });
      expect(listed[0]).toMatchObject({ detached: false, currentText: 'diagnostic centres' });
      const reply = await as.reviewer.post(`/api/threads/${doomed.id}/comments`, {
        body: 'The text went, but the question stands.',
      });
      expect(reply.status).toBe(201);
    } finally {
      peer.close();
    }
  });

  it('detach when the whole paragraph holding the anchored text is deleted', async () => {
    const section = await aSectionWithText([opening, second]);
    const thread = (await startThread(as.author, section.id, 'two community')).body;
    const peer = new CollabPeer(api.baseUrl, await sessionCookieOf(api.baseUrl, lead), section.id);
    try {
      await peer.connect();
      await peer.whenSynced();
      peer.fragment.delete(1, 1);
      await peer.settled();
      expect(await peer.lastSend).toBe(true);
    } finally {
      peer.close();
    }
    const doc = await storedDoc(db, section.id);
    expect(doc.getXmlFragment('content').length).toBe(1);
    doc.destroy();
    const [listed] = await threadsOf(section.id);
    expect(listed).toMatchObject({ id: thread.id, detached: true, currentText: null });
  });
});

describe('live comment events', () => {
  it('reach everyone in the section, readers too, and no one else', async () => {
    const section = await aSectionWithText([opening]);
    const otherSection = await aSectionWithText([second]);
    const watcher = new CollabPeer(
      api.baseUrl,
      await sessionCookieOf(api.baseUrl, viewer),
      section.id,
    );
    const elsewhere = new CollabPeer(
      api.baseUrl,
      await sessionCookieOf(api.baseUrl, reviewer),
      otherSection.id,
    );
    const idle = await connectSocket(api.baseUrl, {
      cookie: await sessionCookieOf(api.baseUrl, lead),
    });
    const seen: ThreadChangedMessage[] = [];
    const strayed: unknown[] = [];
    try {
      await Promise.all([watcher.connect(), elsewhere.connect()]);
      watcher.socket.on(ServerEvent.ThreadChanged, (message: ThreadChangedMessage) =>
        seen.push(message),
      );
      elsewhere.socket.on(ServerEvent.ThreadChanged, (message: unknown) => strayed.push(message));
      idle.on(ServerEvent.ThreadChanged, (message: unknown) => strayed.push(message));

      const thread = (await startThread(as.author, section.id, 'too long', 'Too long how?')).body;
      await eventually(() => seen.length === 1);
      expect(seen[0]).toMatchObject({
        sectionId: section.id,
        thread: { id: thread.id, comments: [{ body: 'Too long how?' }] },
      });

      await as.reviewer.post(`/api/threads/${thread.id}/comments`, { body: 'Over 62 days.' });
      await eventually(() => seen.length === 2);
      expect(seen[1]!.thread.comments.map((c) => c.body)).toEqual([
        'Too long how?',
        'Over 62 days.',
      ]);

      await as.author.patch(`/api/comments/${thread.comments[0]!.id}`, { body: 'How long?' });
      await as.reviewer.post(`/api/threads/${thread.id}/resolve`);
      await as.author.post(`/api/threads/${thread.id}/reopen`);
      await eventually(() => seen.length === 5);
      expect(seen.slice(2).map((m) => [m.thread.comments[0]!.body, m.thread.status])).toEqual([
        ['How long?', 'open'],
        ['How long?', 'resolved'],
        ['How long?', 'open'],
      ]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(strayed).toEqual([]);
    } finally {
      watcher.close();
      elsewhere.close();
      idle.close();
    }
  });
});

describe('telling people about comments', () => {
  async function notificationsOf(client: ApiClient): Promise<NotificationsPage> {
    const response = await client.get<NotificationsPage>('/api/notifications');
    expect(response.status).toBe(200);
    return response.body;
  }

  it('notifies whoever is mentioned, then the thread’s people when it gets a reply, never the writer', async () => {
    const section = await aSectionWithText([opening]);
    const [reviewerBefore, authorBefore, leadBefore] = await Promise.all(
      [as.reviewer, as.author, as.lead].map(notificationsOf),
    );
    const started = await startThread(
      as.author,
      section.id,
      'cancer diagnosis',
      '@Rita Reviewer can you check this?',
      [reviewer.id],
    );
    expect(started.status).toBe(201);
    await eventually(
      async () => (await notificationsOf(as.reviewer)).unread > reviewerBefore.unread,
    );
    const mentioned = (await notificationsOf(as.reviewer)).items[0]!;
    expect(mentioned).toMatchObject({
      kind: 'mentioned',
      sectionId: section.id,
      actor: { id: author.id },
      link: `/sections/${section.id}`,
    });
    expect(mentioned.text).toContain('Arun Author mentioned you in a comment on');

    const reply = await as.lead.post(`/api/threads/${started.body.id}/comments`, {
      body: 'Every cancer on the two-week pathway.',
    });
    expect(reply.status).toBe(201);
    await eventually(async () => (await notificationsOf(as.author)).unread > authorBefore.unread);
    expect((await notificationsOf(as.author)).items[0]).toMatchObject({
      kind: 'thread_reply',
      actor: { id: lead.id },
    });
    // The lead wrote the reply and the author started the thread: neither hears of their own words.
    expect((await notificationsOf(as.lead)).unread).toBe(leadBefore.unread);
    expect((await notificationsOf(as.author)).unread).toBe(authorBefore.unread + 1);
  });

  it('counts a section’s open threads on the plan dashboard until they are resolved', async () => {
    const section = await aSectionWithText([opening, second]);
    const openThreads = async () => {
      const response = await as.viewer.get<PlanDashboardView>(`/api/plans/${plan.id}/dashboard`);
      expect(response.status).toBe(200);
      return response.body.sections.find((s) => s.id === section.id)!.openThreads;
    };
    expect(await openThreads()).toBe(0);
    const first = await startThread(as.author, section.id, 'cancer diagnosis');
    await startThread(as.reviewer, section.id, 'two community');
    expect(await openThreads()).toBe(2);
    expect((await as.author.post(`/api/threads/${first.body.id}/resolve`)).status).toBe(200);
    expect(await openThreads()).toBe(1);
  });
});
