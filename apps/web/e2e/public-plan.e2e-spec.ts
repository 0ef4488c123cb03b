import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftSummary, DraftView, PublicationSummary } from '@commonplan/domain';
import {
  paragraphsToJson,
  sectionFragmentName,
  sectionSchema,
  type SectionJson,
} from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  artifactPath,
  connectTestDatabase,
  factories,
  launchChromium,
  signedIn,
  startApi,
  unique,
  type Factories,
  type RunningApi,
} from '@commonplan/testing';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type pg from 'pg';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';

useOwnDatabase();

/**
 * Nothing unpublished ever reaches the public: a marker is planted in everything around a
 * published plan that is not the published drafts themselves (people's names, draft labels, other
 * drafts' text and sections, live text written since, titles changed since, comments, review notes,
 * a failure reason), then every public endpoint and every public page, fetched without an account
 * in Chromium, is searched for it. Text that looks like markup must show as text and never run.
 */
describe('the public page shows only what was published', () => {
  let api: RunningApi;
  let worker: RunningApi;
  let browser: Browser;
  let db: pg.Client;
  let make: Factories;
  const marker = `zqxunpublished${unique()}`;
  const attack = '<script>window.pwned=1</script><img src=x onerror="window.pwned=1">';

  beforeAll(async () => {
    const env = {
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}public-e2e-${unique()}:`,
    };
    const started = await Promise.allSettled([
      startApi({ env }),
      startApi({ entry: 'worker', env }),
    ]);
    const running = started.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      // Stop whichever did start, or it would keep the test run alive.
      await Promise.all(running.map((process) => process.stop()));
      throw failed.reason;
    }
    [api, worker] = running as [RunningApi, RunningApi];
    browser = await launchChromium();
    db = await connectTestDatabase();
    make = factories(db);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([api?.stop(), worker?.stop()]);
    await db?.end();
  });

  /** The section's stored text with an edit appended to its log, as an author's edit is kept. */
  async function setText(sectionId: string, json: SectionJson): Promise<void> {
    const doc = new Y.Doc();
    const { rows } = await db.query<{ update: Buffer }>(
      'SELECT update FROM section_updates WHERE section_id = $1 ORDER BY seq',
      [sectionId],
    );
    for (const { update } of rows) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    const fresh = prosemirrorJSONToYDoc(sectionSchema(), json, sectionFragmentName);
    const fragment = doc.getXmlFragment(sectionFragmentName);
    doc.transact(() => {
      fragment.delete(0, fragment.length);
      fragment.insert(
        0,
        fresh
          .getXmlFragment(sectionFragmentName)
          .toArray()
          .map((node) => (node as Y.XmlElement).clone()),
      );
    });
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      sectionId,
      Buffer.from(Y.encodeStateAsUpdate(doc, before)),
    ]);
  }

  async function readyDraft(lead: ApiClient, planId: string, label: string): Promise<DraftView> {
    const { body } = await lead.post<DraftSummary>(`/api/plans/${planId}/drafts`, { label });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const draft = (await lead.get<DraftView>(`/api/drafts/${body.id}`)).body;
      if (draft.status === 'ready') return draft;
      if (draft.status === 'failed' || Date.now() > deadline)
        throw new Error(`draft ${draft.status}: ${draft.failureReason ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('never shows unpublished text, names, labels, comments or later titles, and shows markup as text', async () => {
    const lead = await make.aUser({ name: `Lead ${marker}-lead-name` });
    const author = await make.aUser({ name: `Author ${marker}-author-name` });
    const reviewer = await make.aUser({ name: `Reviewer ${marker}-reviewer-name` });
    const footprint = await make.aFootprint({
      members: { lead: [lead], author: [author], reviewer: [reviewer] },
    });
    const plan = await make.aPlan(footprint.id, { title: 'Better care together' });
    const where = await make.aSection(plan.id, { title: 'Where we are' });
    const attackSection = await make.aSection(plan.id, { title: 'Looks like <b>markup</b>' });
    await make.anAssignment(where.id, author.id, 'author');
    await make.anAssignment(where.id, reviewer.id, 'reviewer');
    await setText(where.id, paragraphsToJson(['Waits for a diagnosis are too long.']));
    await setText(attackSection.id, {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: attack }] },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'a link that runs a script',
              marks: [{ type: 'link', attrs: { href: 'javascript:window.pwned=1' } }],
            },
          ],
        },
      ],
    });
    const leadClient = await signedIn(new ApiClient(api.baseUrl), lead);
    const publish = async (draftId: string) =>
      (await leadClient.post<PublicationSummary>(`/api/drafts/${draftId}/publish`)).body;

    // Publication 1: draft 1.
    await publish((await readyDraft(leadClient, plan.id, `${marker}-label-one`)).id);

    // Draft 2 is never published: a section and text only it holds.
    const workforce = await make.aSection(plan.id, { title: `${marker}-title-only-in-draft-2` });
    await setText(workforce.id, paragraphsToJson([`${marker}-text-only-in-draft-2`]));
    await readyDraft(leadClient, plan.id, `${marker}-label-two`);

    // Publication 2: draft 3, after the section was rewritten and renamed.
    await setText(workforce.id, paragraphsToJson(['We will train 200 nurses.']));
    await db.query('UPDATE sections SET title = $2 WHERE id = $1', [workforce.id, 'Workforce']);
    await setText(where.id, paragraphsToJson(['Waits for a diagnosis are shorter now.']));
    await publish((await readyDraft(leadClient, plan.id, `${marker}-label-three`)).id);

    // Everything since publication 2 stays with the partnership.
    await db.query('UPDATE sections SET title = $2 WHERE id = $1', [where.id, `${marker}-renamed`]);
    await db.query('UPDATE plans SET title = $2 WHERE id = $1', [plan.id, `${marker} plan title`]);
    await setText(where.id, paragraphsToJson([`${marker}-live-text`]));
    const later = await make.aSection(plan.id, { title: `${marker}-later-section` });
    await setText(later.id, paragraphsToJson([`${marker}-later-section-text`]));
    const unpublished = await readyDraft(leadClient, plan.id, `${marker}-label-four`);
    await db.query(
      `INSERT INTO plan_drafts (plan_id, number, label, status, failure_reason, sections_total)
       VALUES ($1, 99, $2, 'failed', $3, 1)`,
      [plan.id, `${marker}-label-failed`, `${marker}-failure-reason`],
    );
    const thread = await db.query<{ id: string }>(
      `INSERT INTO comment_threads (section_id, plan_id, anchor_start, anchor_end, quoted_text, created_by_id)
       VALUES ($1, $2, 'start', 'end', $3, $4) RETURNING id`,
      [where.id, plan.id, `${marker}-quoted`, reviewer.id],
    );
    await db.query('INSERT INTO comments (thread_id, author_id, body) VALUES ($1, $2, $3)', [
      thread.rows[0]!.id,
      reviewer.id,
      `${marker}-comment-body`,
    ]);
    await db.query(
      `INSERT INTO section_review_events (section_id, kind, from_status, to_status, actor_id, note)
       VALUES ($1, 'changes_requested', 'in_review', 'changes_requested', $2, $3)`,
      [where.id, reviewer.id, `${marker}-review-note`],
    );
    // The markers are really there for members: the test would see a leak.
    expect(JSON.stringify(unpublished)).toContain(`${marker}-live-text`);

    const paths = {
      footprint: `/public/${footprint.slug}`,
      latest: `/public/${footprint.slug}/${plan.slug}`,
      first: `/public/${footprint.slug}/${plan.slug}/publications/1`,
      second: `/public/${footprint.slug}/${plan.slug}/publications/2`,
    };

    // Every public endpoint, as anyone would ask.
    const planApi = `/api/public/footprints/${footprint.slug}/plans/${plan.slug}`;
    for (const path of [
      `/api/public/footprints/${footprint.slug}`,
      planApi,
      `${planApi}/publications/1`,
      `${planApi}/publications/2`,
    ]) {
      const response = await fetch(`${api.baseUrl}${path}`);
      const body = await response.text();
      expect([path, response.status]).toEqual([path, 200]);
      expect(body.toLowerCase()).not.toContain(marker);
    }
    const latestJson = await (await fetch(`${api.baseUrl}${planApi}`)).text();
    expect(latestJson).toContain('Waits for a diagnosis are shorter now.');
    expect(latestJson).toContain('We will train 200 nurses.');

    // Every public page, in a browser with no account.
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(`${api.baseUrl}${paths.latest}`);
      await page.getByRole('heading', { level: 1, name: 'Better care together' }).waitFor();
      await page.getByText('Published draft 3,', { exact: false }).waitFor();
      await page.getByText('See what changed in each section').click();
      await page.getByRole('heading', { level: 3, name: /Workforce/ }).waitFor();
      await page.screenshot({ path: artifactPath('public-plan-changes.png'), fullPage: true });
      const shown = await page.content();
      expect(shown).toContain('Waits for a diagnosis are shorter now.');
      expect(shown.toLowerCase()).not.toContain(marker);

      // Markup in the text is text: shown as typed, never run.
      await page.getByText(attack, { exact: true }).waitFor();
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      const link = page.getByText('a link that runs a script');
      expect(await link.evaluate((element) => element.closest('a'))).toBeNull();
      expect(await page.locator('main script, main img, main [onerror]').count()).toBe(0);

      for (const path of [paths.first, paths.second, paths.footprint]) {
        await page.goto(`${api.baseUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page
          .getByText(/Published draft \d+,/)
          .first()
          .waitFor();
        const details = page.getByText('See what changed in each section');
        if ((await details.count()) > 0) await details.click();
        expect([path, (await page.content()).toLowerCase().includes(marker)]).toEqual([
          path,
          false,
        ]);
        if (path === paths.footprint)
          await page.screenshot({ path: artifactPath('public-footprint.png'), fullPage: true });
      }
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('cleans stored section HTML again in the browser, so even markup that slipped past the server cannot run', async () => {
    const lead = await make.aUser();
    const footprint = await make.aFootprint({ members: { lead: [lead] } });
    const plan = await make.aPlan(footprint.id, { title: 'A plan with tampered text' });
    const section = await make.aSection(plan.id, { title: 'Tampered' });
    await setText(section.id, paragraphsToJson(['Ordinary text.']));
    const leadClient = await signedIn(new ApiClient(api.baseUrl), lead);
    const draft = await readyDraft(leadClient, plan.id, 'One');
    await leadClient.post(`/api/drafts/${draft.id}/publish`);
    // As if a stored value had escaped the server's sanitiser.
    await db.query('UPDATE plan_draft_sections SET html = $2 WHERE draft_id = $1', [
      draft.id,
      '<p>Ordinary text.</p><img src="x" onerror="window.pwned=1"><script>window.pwned=2</script>' +
        '<p style="position:fixed;inset:0" onclick="window.pwned=3">Styled</p>' +
        '<a href="javascript:window.pwned=4">Not a link</a><iframe src="https://example.org"></iframe>',
    ]);

    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${api.baseUrl}/public/${footprint.slug}/${plan.slug}`);
      await page.getByText('Ordinary text.').waitFor();
      const text = page.locator('.app-section-text--published');
      expect(await text.innerHTML()).toBe('<p>Ordinary text.</p><p>Styled</p>Not a link');
      await page.getByText('Styled').click();
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    } finally {
      await context.close();
    }
  });
});
