import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftSummary, DraftView, FailedJobsView } from '@commonplan/domain';
import { initialContentUpdate, paragraphsToJson } from '@commonplan/editor';
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
  type RunningApi,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';

useOwnDatabase();

/**
 * A draft whose stored text is damaged, in the browser: the lead reads on the draft's page why it
 * failed and that nothing more will happen by itself, an instance admin finds it among the jobs
 * that failed for good (without the plan's words), and once the text is put right Try again makes
 * the draft and the admin's list is empty again.
 */
describe('a draft that failed for good, in the browser', () => {
  let api: RunningApi;
  let worker: RunningApi;
  let browser: Browser;
  let db: pg.Client;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const env = {
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}failed-jobs-e2e-${unique()}:`,
    };
    [api, worker] = await Promise.all([
      startApi({ env, timeoutMs: 60_000 }),
      startApi({ entry: 'worker', env, timeoutMs: 60_000 }),
    ]);
    browser = await launchChromium();
    db = await connectTestDatabase();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
    await Promise.all([api?.stop(), worker?.stop()]);
  });

  /** Signs in through the form, as a person does, and waits for the home page. */
  async function signedInPage(user: TestUser): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /Footprints/i }).waitFor();
    return page;
  }

  async function draftOf(client: ApiClient, draftId: string): Promise<DraftView> {
    return (await client.get<DraftView>(`/api/drafts/${draftId}`)).body;
  }

  async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('the lead reads why and tries again once it is mended; the admin sees it listed, then gone', async () => {
    const make = factories(db);
    const lead = await make.aUser({ name: 'Poison Lead' });
    const admin = await make.anAdmin();
    const footprint = await make.aFootprint({ members: { lead: [lead] } });
    const plan = await make.aPlan(footprint.id, {
      title: `Plan with a damaged section ${unique()}`,
    });
    const sections = [];
    for (const [title, text] of [
      ['Prevention', 'Fine text.'],
      ['Workforce', 'Text that will be damaged.'],
    ] as const) {
      const section = await make.aSection(plan.id, { title });
      await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
        section.id,
        Buffer.from(initialContentUpdate(paragraphsToJson([text]))),
      ]);
      sections.push(section);
    }

    const adminPage = await signedInPage(admin);
    await adminPage.getByRole('link', { name: 'Jobs that failed for good' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Jobs that failed for good' }).waitFor();
    await adminPage.getByText('No job has failed for good.').waitFor();

    // A log row whose earlier changes are missing: the second section cannot be read whole.
    const doc = new Y.Doc();
    doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
    const vector = Y.encodeStateVector(doc);
    doc.getXmlFragment('content').push([new Y.XmlElement('paragraph')]);
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      sections[1]!.id,
      Buffer.from(Y.encodeStateAsUpdate(doc, vector)),
    ]);
    const client = await signedIn(new ApiClient(api.baseUrl), lead);
    const draft = (
      await client.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'Board pack' })
    ).body;
    await until(async () => (await draftOf(client, draft.id)).status === 'failed');

    const leadPage = await signedInPage(lead);
    await leadPage.goto(`${api.baseUrl}/drafts/${draft.id}`);
    const notice = leadPage.getByTestId('draft-failed');
    await notice.getByRole('heading', { name: 'This draft could not be made' }).waitFor();
    expect(await notice.innerText()).toContain(
      'The section “Workforce” could not be rendered: its saved text is missing earlier changes. Ask the service operator to restore it, then try again.',
    );
    expect(await notice.innerText()).toContain(
      'Commonplan has stopped trying: this draft will not be made until you choose Try again.',
    );
    await leadPage.screenshot({ path: artifactPath('draft-failed-for-good.png'), fullPage: true });

    await adminPage.getByRole('button', { name: 'Check again' }).click();
    const row = adminPage.getByRole('row').filter({ hasText: draft.id });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('drafts: draft.generate');
    expect(rowText).toContain('Stored section text is damaged');
    expect(rowText).toContain('Not retried: it would fail the same way every time');
    const pageText = await adminPage.locator('main').innerText();
    for (const words of [plan.title, 'Workforce', 'could not be rendered', 'Board pack'])
      expect(pageText).not.toContain(words);
    await adminPage.screenshot({ path: artifactPath('failed-jobs.png'), fullPage: true });

    // Put right (the draft's copy without the damaged row), then tried again from the page.
    await db.query(
      `UPDATE plan_draft_sections SET source_updates = source_updates[1:1]
        WHERE draft_id = $1 AND section_id = $2`,
      [draft.id, sections[1]!.id],
    );
    await notice.getByRole('button', { name: 'Try again' }).click();
    await until(async () => (await draftOf(client, draft.id)).status === 'ready');
    await leadPage.reload();
    await leadPage.getByRole('heading', { level: 2, name: 'Contents' }).waitFor();
    expect(await leadPage.getByTestId('draft-failed').count()).toBe(0);

    const operator = await signedIn(new ApiClient(api.baseUrl), admin);
    await until(
      async () =>
        (await operator.get<FailedJobsView>('/api/operations/failed-jobs')).body.total === 0,
    );
    await adminPage.getByRole('button', { name: 'Check again' }).click();
    await adminPage.getByText('No job has failed for good.').waitFor();
  }, 60_000);
});
