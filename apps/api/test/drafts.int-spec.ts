import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftComparison, DraftSummary, DraftView } from '@commonplan/domain';
import { paragraphsToJson, sectionJson } from '@commonplan/editor';
import { DraftClientEvent, DraftServerEvent, type WatchDraftsAck } from '@commonplan/protocol';
import {
  useOwnDatabase,
  ApiClient,
  connectTestDatabase,
  defaultRedisUrl,
  factories,
  signedIn,
  startApi,
  unique,
  type Factories,
} from '@commonplan/testing';
import { Queue } from 'bullmq';
import type pg from 'pg';
import * as Y from 'yjs';
import {
  CollabPeer,
  connectSocket,
  emitWithAck,
  eventually,
  storedDoc,
} from './collab-test-client.js';
import { aLeadWithAPlan, startPair, waitForStatus, type Setup } from './draft-test-support.js';

useOwnDatabase();

/**
 * Drafts, end to end: the API records the request and copies each section's stored text, the
 * worker renders it and stores the result in one transaction, and the API relays progress over
 * socket.io. Each block runs its own API and worker on its own Redis prefix.
 */

async function watch(baseUrl: string, client: ApiClient, planId: string) {
  const socket = await connectSocket(baseUrl, { cookie: client.sessionCookie });
  const events: DraftSummary[] = [];
  socket.on(DraftServerEvent.Changed, (draft: DraftSummary) => events.push(draft));
  const ack = await emitWithAck<WatchDraftsAck>(socket, DraftClientEvent.Watch, { planId });
  return { socket, events, ack };
}

describe('drafts', () => {
  let db: pg.Client;
  let make: Factories;
  let setup: Setup;

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    setup = await startPair({ COLLAB_ACCESS_RECHECK_SECONDS: '1' });
  });

  afterAll(async () => {
    await Promise.all([setup?.api.stop(), setup?.worker.stop()]);
    await db?.end();
  });

  it('a lead asks for a draft and watches it become ready, section by section, over socket.io', async () => {
    const { lead, plan, sectionIds } = await aLeadWithAPlan(make, db, [
      paragraphsToJson([{ heading: 'Where we are' }, 'Waits for a cancer diagnosis are too long.']),
      paragraphsToJson(['We will open two community clinics.']),
      paragraphsToJson(['Finance: a balanced budget by 2021.']),
    ]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const { socket, events, ack } = await watch(setup.api.baseUrl, client, plan.id);
    expect(ack).toEqual({ ok: true, planId: plan.id });

    const response = await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, {
      label: 'Board pack, March',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      number: 1,
      label: 'Board pack, March',
      status: 'queued',
      sectionsTotal: 3,
      requestedBy: { id: lead.id },
    });
    const draftId = response.body.id;

    await eventually(() => events.some((e) => e.id === draftId && e.status === 'ready'));
    socket.close();
    const progress = events.filter((e) => e.id === draftId && e.status === 'generating');
    expect(progress.map((e) => e.sectionsDone)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(progress.every((e) => e.sectionsTotal === 3)).toBe(true);

    const draft = (await client.get<DraftView>(`/api/drafts/${draftId}`)).body;
    expect(draft.status).toBe('ready');
    expect(draft.sections.map((s) => s.sectionId)).toEqual(sectionIds);
    expect(draft.sections[0]).toMatchObject({
      title: 'Section 1',
      reviewStatus: 'draft',
      html: '<h2>Where we are</h2><p>Waits for a cancer diagnosis are too long.</p>',
      markdown: '## Where we are\n\nWaits for a cancer diagnosis are too long.\n',
      words: 11,
    });
    expect(draft.words).toBe(11 + 5 + 7);
    const list = (await client.get<DraftSummary[]>(`/api/plans/${plan.id}/drafts`)).body;
    expect(list.map((d) => [d.number, d.status])).toEqual([[1, 'ready']]);
  });

  it('numbers drafts 1, 2, 3 per plan and compares two of them word by word', async () => {
    const { lead, plan, sectionIds } = await aLeadWithAPlan(make, db, [
      paragraphsToJson(['We will open two clinics.', 'Staff will be trained.']),
      paragraphsToJson(['Unchanged text.']),
    ]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const first = (
      await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'One' })
    ).body;
    await waitForStatus(client, first.id, 'ready');

    // An author edits the first section live: words inserted inside a paragraph.
    const peer = new CollabPeer(setup.api.baseUrl, client.sessionCookie!, sectionIds[0]!);
    await peer.connect();
    await peer.whenSynced();
    const paragraph = peer.fragment.get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert('We will open two'.length, ' community');
    peer.addParagraph('A new paragraph about beds.');
    await peer.settled();
    expect(await peer.lastSend).toBe(true);
    peer.close();

    const second = (
      await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'Two' })
    ).body;
    expect(second.number).toBe(2);
    const ready = await waitForStatus(client, second.id, 'ready');
    expect(ready.changesSincePrevious).toEqual({
      previousNumber: 1,
      summary: {
        sectionsChanged: 1,
        sectionsAdded: 0,
        sectionsRemoved: 0,
        sectionsUnchanged: 1,
        wordsAdded: 6,
        wordsRemoved: 0,
      },
    });

    const comparison = await client.get<DraftComparison>(
      `/api/plans/${plan.id}/drafts/compare?from=${first.id}&to=${second.id}`,
    );
    expect(comparison.status).toBe(200);
    const [changed, same] = comparison.body.sections;
    expect(changed?.change).toBe('changed');
    expect(same?.change).toBe('same');
    expect(changed?.blocks.map((b) => b.change)).toEqual(['changed', 'same', 'added']);
    const edited = changed?.blocks[0];
    expect(edited?.change === 'changed' && edited.parts).toEqual([
      { change: 'same', text: 'We will open two ' },
      { change: 'added', text: 'community ' },
      { change: 'same', text: 'clinics.' },
    ]);

    const third = (
      await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'Three' })
    ).body;
    expect(third.number).toBe(3);
  });

  it('takes the text as it was when asked for, whatever is written while the draft is made', async () => {
    const { lead, plan, sectionIds } = await aLeadWithAPlan(make, db, [
      paragraphsToJson(['Before the request.']),
    ]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const before = await storedDoc(db, sectionIds[0]!);
    const vector = Y.encodeStateVector(before);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('After the request.')]);
    before.getXmlFragment('content').push([paragraph]);
    const later = Y.encodeStateAsUpdate(before, vector);

    const draft = (await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'x' }))
      .body;
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      sectionIds[0],
      Buffer.from(later),
    ]);
    const ready = await waitForStatus(client, draft.id, 'ready');
    expect(ready.sections[0]?.html).toBe('<p>Before the request.</p>');
    const { rows } = await db.query<{ yjs_state: Buffer }>(
      'SELECT yjs_state FROM plan_draft_sections WHERE draft_id = $1',
      [draft.id],
    );
    const kept = new Y.Doc();
    Y.applyUpdate(kept, rows[0]!.yjs_state);
    expect(sectionJson(kept).content).toHaveLength(1);
  });

  it('asking twice with the same Idempotency-Key gives one draft', async () => {
    const { lead, plan } = await aLeadWithAPlan(make, db, [paragraphsToJson(['Text.'])]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const key = `board-pack-${unique()}`;
    const ask = () =>
      client.request<DraftSummary>(
        'POST',
        `/api/plans/${plan.id}/drafts`,
        { label: 'Board pack' },
        { 'idempotency-key': key },
      );
    const answers = await Promise.all([ask(), ask()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0]!.body.id).toBe(answers[1]!.body.id);
    const again = await ask();
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(answers[0]!.body.id);
    await waitForStatus(client, again.body.id, 'ready');
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM plan_drafts WHERE plan_id = $1',
      [plan.id],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('gives each of many requests at once its own number', async () => {
    const { lead, plan } = await aLeadWithAPlan(make, db, [paragraphsToJson(['Text.'])]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: `Draft ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers.map((a) => a.body.number).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a label that is missing or too long, and a malformed Idempotency-Key', async () => {
    const { lead, plan } = await aLeadWithAPlan(make, db, [paragraphsToJson(['Text.'])]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const missing = await client.post<{ field: string }>(`/api/plans/${plan.id}/drafts`, {
      label: '   ',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('label');
    const long = await client.post(`/api/plans/${plan.id}/drafts`, { label: 'x'.repeat(121) });
    expect(long.status).toBe(400);
    const badKey = await client.request(
      'POST',
      `/api/plans/${plan.id}/drafts`,
      { label: 'ok' },
      { 'idempotency-key': 'no spaces allowed' },
    );
    expect(badKey.status).toBe(400);
    const emptyPlan = await make.aPlan((await make.aFootprint({ members: { lead: [lead] } })).id);
    const refused = await client.post<{ code: string }>(`/api/plans/${emptyPlan.id}/drafts`, {
      label: 'ok',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('draft_plan_has_no_sections');
  });

  it('refuses to compare drafts of another plan (400) or unknown ones (404)', async () => {
    const one = await aLeadWithAPlan(make, db, [paragraphsToJson(['One.'])]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), one.lead);
    const other = await make.aPlan(one.footprintId);
    await make.aSection(other.id);
    const mine = (
      await client.post<DraftSummary>(`/api/plans/${one.plan.id}/drafts`, { label: 'a' })
    ).body;
    const theirs = (
      await client.post<DraftSummary>(`/api/plans/${other.id}/drafts`, { label: 'b' })
    ).body;
    await waitForStatus(client, mine.id, 'ready');
    await waitForStatus(client, theirs.id, 'ready');
    const compare = (from: string, to: string) =>
      client.get<{ code: string }>(
        `/api/plans/${one.plan.id}/drafts/compare?from=${from}&to=${to}`,
      );
    expect((await compare(mine.id, theirs.id)).status).toBe(400);
    expect((await compare(mine.id, '6f1c1e3e-1111-4111-8111-111111111111')).status).toBe(404);
    expect((await compare(mine.id, 'not-an-id')).status).toBe(400);
    expect((await compare(mine.id, mine.id)).status).toBe(200);
  });

  it('does not let someone outside the footprint watch its drafts', async () => {
    const { plan } = await aLeadWithAPlan(make, db, [paragraphsToJson(['Text.'])]);
    const outsider = await signedIn(new ApiClient(setup.api.baseUrl), await make.aUser());
    const { socket, ack } = await watch(setup.api.baseUrl, outsider, plan.id);
    socket.close();
    expect(ack).toMatchObject({ ok: false, error: { code: 'plan_not_found' } });
  });

  it('stops telling someone of a plan’s drafts once they leave the footprint', async () => {
    const { lead, plan, footprintId } = await aLeadWithAPlan(make, db, [
      paragraphsToJson(['Text.']),
    ]);
    const viewer = await make.aUser();
    await make.aMembership(footprintId, viewer.id, 'viewer');
    const viewerClient = await signedIn(new ApiClient(setup.api.baseUrl), viewer);
    const leadClient = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const watching = await watch(setup.api.baseUrl, viewerClient, plan.id);
    expect(watching.ack).toEqual({ ok: true, planId: plan.id });
    const first = (
      await leadClient.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'one' })
    ).body;
    await eventually(() => watching.events.some((e) => e.id === first.id && e.status === 'ready'));

    await db.query('DELETE FROM memberships WHERE footprint_id = $1 AND user_id = $2', [
      footprintId,
      viewer.id,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const second = (
      await leadClient.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'two' })
    ).body;
    await waitForStatus(leadClient, second.id, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 300));
    watching.socket.close();
    expect(watching.events.some((e) => e.id === second.id)).toBe(false);
  });

  it('a draft of damaged text fails at once, not retried, with a reason a lead can read, and can be tried again once mended', async () => {
    const { lead, plan, sectionIds } = await aLeadWithAPlan(make, db, [
      paragraphsToJson(['Fine text.']),
      paragraphsToJson(['Text that will be damaged.']),
    ]);
    // A log row whose earlier changes are missing: the section's text cannot be read whole.
    const doc = new Y.Doc();
    doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
    const vector = Y.encodeStateVector(doc);
    doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
    const orphan = Y.encodeStateAsUpdate(doc, vector);
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      sectionIds[1],
      Buffer.from(orphan),
    ]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const draft = (await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'x' }))
      .body;
    const failed = await waitForStatus(client, draft.id, 'failed');
    expect(failed.failureReason).toBe(
      'The section “Section 2” could not be rendered: its saved text is missing earlier changes. Ask the service operator to restore it, then try again.',
    );
    expect(failed.sections).toEqual([]);
    const { rows } = await db.query<{ attempts: number; rendered: number }>(
      `SELECT attempts, (SELECT count(*)::int FROM plan_draft_sections
                          WHERE draft_id = $1 AND html IS NOT NULL) AS rendered
         FROM plan_drafts WHERE id = $1`,
      [draft.id],
    );
    // The damage is the same on every read: one try, though three are allowed.
    expect(rows[0]).toEqual({ attempts: 1, rendered: 0 });

    // Mended (the copied text without the damaged row), then tried again from the page.
    await db.query(
      `UPDATE plan_draft_sections SET source_updates = source_updates[1:1]
        WHERE draft_id = $1 AND section_id = $2`,
      [draft.id, sectionIds[1]],
    );
    const notFailed = await client.post(`/api/drafts/${draft.id}/retry`);
    expect(notFailed.status).toBe(200);
    expect(['queued', 'generating']).toContain((notFailed.body as DraftSummary).status);
    const ready = await waitForStatus(client, draft.id, 'ready');
    expect(ready.sections.map((s) => s.html)).toEqual([
      '<p>Fine text.</p>',
      '<p>Text that will be damaged.</p>',
    ]);
    expect((await client.post<{ code: string }>(`/api/drafts/${draft.id}/retry`)).body.code).toBe(
      'draft_not_failed',
    );
  });

  /** The drafts queue of this block's API and worker, as a test reads it from outside. */
  async function withDraftsQueue<T>(use: (queue: Queue) => Promise<T>): Promise<T> {
    const queue = new Queue('drafts', {
      connection: { url: process.env.REDIS_URL ?? defaultRedisUrl },
      prefix: `${setup.env.REDIS_PREFIX}bull`,
    });
    try {
      return await use(queue);
    } finally {
      await queue.close();
    }
  }

  it('Retry makes a failed draft whose job has already been removed', async () => {
    const { lead, plan } = await aLeadWithAPlan(make, db, [paragraphsToJson(['Some text.'])]);
    // A draft of a section whose log misses earlier changes fails on every try.
    const doc = new Y.Doc();
    doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
    const vector = Y.encodeStateVector(doc);
    doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
    const { rows } = await db.query<{ id: string }>('SELECT id FROM sections WHERE plan_id = $1', [
      plan.id,
    ]);
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      rows[0]!.id,
      Buffer.from(Y.encodeStateAsUpdate(doc, vector)),
    ]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const draft = (await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'x' }))
      .body;
    await waitForStatus(client, draft.id, 'failed');
    await db.query(
      `UPDATE plan_draft_sections SET source_updates = source_updates[1:1] WHERE draft_id = $1`,
      [draft.id],
    );
    // As `removeOnFail` does once a failed job is old enough.
    await withDraftsQueue(async (queue) => {
      await eventually(async () => (await queue.getJobState(`draft-${draft.id}`)) === 'failed');
      expect(await queue.remove(`draft-${draft.id}`)).toBe(1);
    });

    expect((await client.post(`/api/drafts/${draft.id}/retry`)).status).toBe(200);
    const ready = await waitForStatus(client, draft.id, 'ready');
    expect(ready.sections.map((s) => s.html)).toEqual(['<p>Some text.</p>']);
  });

  it('Retry makes a failed draft whose job completed without making it', async () => {
    const { lead, plan } = await aLeadWithAPlan(make, db, [paragraphsToJson(['Other text.'])]);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const draft = (await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'y' }))
      .body;
    await waitForStatus(client, draft.id, 'ready');
    // Its job completed; the draft is failed all the same (as when a job found it failed and ended).
    await db.query(`UPDATE plan_drafts SET status = 'failed', ready_at = NULL WHERE id = $1`, [
      draft.id,
    ]);
    await withDraftsQueue(async (queue) =>
      expect(await queue.getJobState(`draft-${draft.id}`)).toBe('completed'),
    );

    expect((await client.post(`/api/drafts/${draft.id}/retry`)).status).toBe(200);
    await waitForStatus(client, draft.id, 'ready');
    const { rows } = await db.query<{ ready_at: Date | null }>(
      'SELECT ready_at FROM plan_drafts WHERE id = $1',
      [draft.id],
    );
    expect(rows[0]!.ready_at).not.toBeNull();
  });
});

describe('a worker killed in the middle of a draft', () => {
  let db: pg.Client;
  let make: Factories;
  let setup: Setup;

  beforeAll(async () => {
    db = await connectTestDatabase();
    make = factories(db);
    setup = await startPair({ DRAFTS_PAUSE_PER_SECTION_MS: '300' });
  });

  afterAll(async () => {
    await Promise.all([setup?.api.stop(), setup?.worker.stop()]);
    await db?.end();
  });

  it('is restarted and makes exactly one complete draft', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => paragraphsToJson([`Paragraph ${i + 1}.`]));
    const { lead, plan } = await aLeadWithAPlan(make, db, texts);
    const client = await signedIn(new ApiClient(setup.api.baseUrl), lead);
    const draft = (await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'x' }))
      .body;
    await eventually(async () => {
      const { rows } = await db.query<{ sections_done: number }>(
        'SELECT sections_done FROM plan_drafts WHERE id = $1',
        [draft.id],
      );
      return (rows[0]?.sections_done ?? 0) >= 2;
    });
    await setup.worker.stop('SIGKILL');
    const { rows: halfway } = await db.query<{ status: string; rendered: number }>(
      `SELECT status, (SELECT count(*)::int FROM plan_draft_sections
                        WHERE draft_id = $1 AND html IS NOT NULL) AS rendered
         FROM plan_drafts WHERE id = $1`,
      [draft.id],
    );
    expect(halfway[0]).toEqual({ status: 'generating', rendered: 0 });

    setup.worker = await startApi({ entry: 'worker', env: setup.env });
    const ready = await waitForStatus(client, draft.id, 'ready', 30_000);
    expect(ready.sections.map((s) => s.html)).toEqual(
      texts.map((_, i) => `<p>Paragraph ${i + 1}.</p>`),
    );
    const { rows } = await db.query<{ drafts: number; sections: number; attempts: number }>(
      `SELECT (SELECT count(*)::int FROM plan_drafts WHERE plan_id = $1) AS drafts,
              (SELECT count(*)::int FROM plan_draft_sections WHERE draft_id = $2) AS sections,
              (SELECT attempts FROM plan_drafts WHERE id = $2) AS attempts`,
      [plan.id, draft.id],
    );
    expect(rows[0]).toEqual({ drafts: 1, sections: 6, attempts: 2 });
  }, 60_000);
});
