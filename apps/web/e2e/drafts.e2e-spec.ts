import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SectionProvider, userColour } from '@commonplan/collab-client';
import {
  defaultDemoPassword,
  demoAccounts,
  demoFootprintSlug,
  type DraftSummary,
  type DraftView,
  type Me,
  type PlanSummary,
  type SectionView,
} from '@commonplan/domain';
import { sectionFragmentName, sectionSchema, type SectionJson } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  artifactPath,
  launchChromium,
  startApi,
  unique,
  type RunningApi,
} from '@commonplan/testing';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openSignedInPage } from './signed-in-page.js';
import * as Y from 'yjs';

useOwnDatabase();

const text = (value: string, marks?: SectionJson['marks']): SectionJson => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const p = (...content: SectionJson[]): SectionJson => ({ type: 'paragraph', content });
const li = (...content: SectionJson[]): SectionJson => ({ type: 'listItem', content });
const cell = (type: 'tableCell' | 'tableHeader', value: string): SectionJson => ({
  type,
  content: [p(text(value))],
});

/** Everything the section schema can hold, in one document. */
const richDocument: SectionJson = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Where we are now')] },
    p(
      text('Waits for a '),
      text('cancer diagnosis', [{ type: 'bold' }]),
      text(' are '),
      text('too long', [{ type: 'italic' }, { type: 'bold' }]),
      text('; see '),
      text('the strategy', [{ type: 'link', attrs: { href: 'https://example.org/strategy' } }]),
      text('.'),
    ),
    p(text('Line one'), { type: 'hardBreak' }, text('line two & <more> “quoted”')),
    {
      type: 'bulletList',
      content: [
        li(p(text('One'))),
        li(p(text('Two')), { type: 'bulletList', content: [li(p(text('Nested')))] }),
      ],
    },
    { type: 'orderedList', content: [li(p(text('First'))), li(p(text('Second')))] },
    { type: 'blockquote', content: [p(text('A quotation.'))] },
    { type: 'horizontalRule' },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Year'), cell('tableHeader', 'Beds')] },
        { type: 'tableRow', content: [cell('tableCell', '2024'), cell('tableCell', '310')] },
      ],
    },
    { type: 'heading', attrs: { level: 3 }, content: [text('Next steps')] },
    p(text('under', [{ type: 'underline' }]), text(' and '), text('struck', [{ type: 'strike' }])),
  ],
};

/**
 * Drafts in a real browser, with the built API and a worker beside it, on the seeded demo
 * partnership: the draft's HTML is what the editor shows, and a lead makes, watches and compares
 * drafts.
 */
describe('drafts in the browser', () => {
  let api: RunningApi;
  let worker: RunningApi;
  let browser: Browser;
  let plan: PlanSummary;
  let lead: ApiClient;
  let section: SectionView;
  let writer: SectionProvider;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const env = {
      SEED_DEMO: 'true',
      DEMO_PASSWORD: defaultDemoPassword,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}drafts-e2e-${unique()}:`,
      // Slow enough that a person (and the test) sees the progress bar move.
      DRAFTS_PAUSE_PER_SECTION_MS: '500',
    };
    api = await startApi({ env });
    worker = await startApi({ entry: 'worker', env });
    browser = await launchChromium();
    lead = new ApiClient(api.baseUrl);
    await lead.signIn(demoAccounts.lead, defaultDemoPassword);
    // A plan of its own: the other browser tests add and move sections of the demo plan.
    plan = (
      await lead.post<PlanSummary>(`/api/footprints/${demoFootprintSlug}/plans`, {
        title: `Joint forward plan ${unique()}`,
        kind: 'joint_forward_plan',
        periodStart: '2025/26',
        periodEnd: '2029/30',
      })
    ).body;
    for (const [title, theme] of [
      ['Prevention', 'health_and_wellbeing'],
      ['Urgent and emergency care', 'care_and_quality'],
      ['Mental health', 'care_and_quality'],
      ['Workforce', 'enabler'],
      ['Money', 'finance_and_efficiency'],
    ] as const)
      await lead.post(`/api/plans/${plan.id}/sections`, { title, theme });
    // A new, empty section, written from Node through the client library the browser uses.
    section = (
      await lead.post<SectionView>(`/api/plans/${plan.id}/sections`, {
        title: 'Everything a section can hold',
        theme: 'other',
      })
    ).body;
    const me = (await lead.get<Me>('/api/auth/me')).body;
    writer = new SectionProvider({
      url: api.baseUrl,
      sectionId: section.id,
      headers: { cookie: `cp_session=${lead.sessionCookie}`, origin: api.baseUrl },
      user: { id: me.user.id, name: me.user.name, color: userColour(me.user.id) },
    });
    await writer.synced();
    const written = prosemirrorJSONToYDoc(sectionSchema(), richDocument, sectionFragmentName);
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(written));
    await writer.saved();
  });

  afterAll(async () => {
    writer?.destroy();
    for (const context of contexts) await context.close();
    await browser?.close();
    await Promise.all([api?.stop(), worker?.stop()]);
  });

  function signedInPage(email: string): Promise<Page> {
    return openSignedInPage({ browser, contexts, baseUrl: api.baseUrl }, email);
  }

  async function draftReady(draftId: string): Promise<DraftView> {
    const deadline = Date.now() + 40_000;
    for (;;) {
      const draft = (await lead.get<DraftView>(`/api/drafts/${draftId}`)).body;
      if (draft.status === 'ready') return draft;
      if (draft.status === 'failed' || Date.now() > deadline)
        throw new Error(`draft ${draft.status}: ${draft.failureReason ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("renders a section's text on the server exactly as the editor shows it", async () => {
    const page = await signedInPage(demoAccounts.lead);
    await page.goto(`${api.baseUrl}/sections/${section.id}`);
    await page.getByRole('textbox', { name: 'Section text' }).getByText('Nested').waitFor();
    const editorHtml = await page.evaluate(() =>
      (
        document.querySelector('.ProseMirror') as unknown as { editor: { getHTML(): string } }
      ).editor.getHTML(),
    );
    expect(editorHtml).toContain('<table');

    const requested = await lead.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, {
      label: 'Server rendering check',
    });
    const draft = await draftReady(requested.body.id);
    const rendered = draft.sections.find((s) => s.sectionId === section.id)!;
    expect(rendered.html).toBe(editorHtml);

    // And the draft page shows that HTML as it is.
    await page.goto(`${api.baseUrl}/drafts/${draft.id}`);
    const shown = page.locator(`#section-${section.id} .app-draft-section__text`);
    await shown.getByText('Nested').waitFor();
    expect(await shown.evaluate((element) => element.innerHTML)).toBe(editorHtml);
    await page.getByRole('navigation', { name: 'Sections in this draft' }).waitFor();
    await page.screenshot({ path: artifactPath('draft-page.png') });
  });

  it('lets a lead make a draft, watch it being made, compare it with the one before and publish it, for anyone to read without an account', async () => {
    const page = await signedInPage(demoAccounts.lead);
    await page.goto(`${api.baseUrl}/plans/${plan.id}`);
    await page.getByRole('link', { name: 'Drafts of this plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Drafts' }).waitFor();
    expect(await page.title()).toBe(`Drafts of ${plan.title} – Commonplan`);

    // Words added to the section since the first draft.
    writer.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('A new paragraph about community beds.')]);
      writer.doc.getXmlFragment(sectionFragmentName).insert(2, [paragraph]);
    });
    await writer.saved();

    await page.getByLabel('Label').fill('Board pack, March');
    await page.getByRole('button', { name: 'Make draft' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Board pack, March' });
    await row.waitFor();
    const bar = row.getByRole('progressbar');
    await page.waitForFunction(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const now = Number(bar?.getAttribute('aria-valuenow'));
      return now > 0 && now < Number(bar?.getAttribute('aria-valuemax'));
    });
    expect(await bar.getAttribute('aria-valuetext')).toMatch(
      /^Draft \d+: \d+ of \d+ sections rendered$/,
    );
    await page.screenshot({ path: artifactPath('drafts-progress.png'), fullPage: true });

    await row.getByText('Ready').waitFor({ timeout: 30_000 });
    expect(await row.getByRole('progressbar').count()).toBe(0);
    expect(await row.innerText()).toMatch(
      /Since draft \d+: 1 section changed, 6 words added, 0 removed/,
    );
    await page.screenshot({ path: artifactPath('drafts-list.png'), fullPage: true });

    // The compare form offers the two newest drafts.
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { level: 1, name: /compared with draft/ }).waitFor();
    const summary = page.getByRole('list', { name: 'Summary of changes' });
    expect(await summary.innerText()).toContain('1 section changed');
    expect(await summary.innerText()).toContain('6 words added');
    const added = page.locator('ins').filter({ hasText: 'A new paragraph about community beds.' });
    await added.waitFor();
    await page.screenshot({ path: artifactPath('drafts-compare-inline.png'), fullPage: true });

    await page.getByRole('button', { name: 'Side by side' }).click();
    expect(
      await page.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await page.locator('.app-diff-pair').first().waitFor();
    await page.screenshot({
      path: artifactPath('drafts-compare-side-by-side.png'),
      fullPage: true,
    });

    // The lead publishes the newest draft, after being told its text becomes public.
    await page.goto(`${api.baseUrl}/plans/${plan.id}/drafts`);
    await row.getByRole('link', { name: /Board pack, March/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Publish this draft' }).waitFor();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const confirmation = page.getByRole('group', { name: /Publish draft \d+\?/ });
    expect(await confirmation.innerText()).toMatch(/becomes public: anyone can read it/);
    await page.screenshot({ path: artifactPath('publish-confirm.png'), fullPage: true });
    await confirmation.getByRole('button', { name: /Yes, publish draft \d+/ }).click();
    await page.getByText(/Draft \d+ is published/).waitFor();
    const publicLink = page.getByRole('link', { name: 'Open the public page' });
    const publicPath = await publicLink.getAttribute('href');
    expect(publicPath).toBe(`/public/${demoFootprintSlug}/${plan.slug}`);
    await page.screenshot({ path: artifactPath('publish-done.png'), fullPage: true });

    await page.goto(`${api.baseUrl}/plans/${plan.id}/drafts`);
    await row.getByText('Published', { exact: true }).waitFor();

    // Someone with no account opens the public page: no sign-in, no session request, no socket.
    const anonymousContext = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
    contexts.push(anonymousContext);
    const reader = await anonymousContext.newPage();
    const asked: string[] = [];
    const problems: string[] = [];
    reader.on('request', (request) => asked.push(new URL(request.url()).pathname));
    reader.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    reader.on('pageerror', (error) => problems.push(error.message));
    await reader.goto(`${api.baseUrl}${publicPath}`);
    await reader.getByRole('heading', { level: 1, name: plan.title }).waitFor();
    expect(reader.url()).toBe(`${api.baseUrl}${publicPath}`);
    expect(await reader.getByText(/^Published draft \d+, \d+ \w+ \d{4}$/).count()).toBe(1);
    await reader
      .getByRole('navigation', { name: 'Contents' })
      .getByRole('link', { name: 'Workforce' })
      .click();
    expect(new URL(reader.url()).hash).toBe('#section-workforce');
    await reader.getByText('A new paragraph about community beds.').waitFor();
    await reader.screenshot({ path: artifactPath('public-plan.png'), fullPage: true });
    // Only the public read API: the plan and whether a consultation is open on it.
    const apiCalls = asked.filter((path) => path.startsWith('/api/'));
    expect(apiCalls).toContain(`/api/public/footprints/${demoFootprintSlug}/plans/${plan.slug}`);
    expect(apiCalls.every((path) => path.startsWith('/api/public/'))).toBe(true);
    expect(asked.some((path) => path.startsWith('/socket.io'))).toBe(false);
    expect(problems).toEqual([]);
  });
  it('lets a lead export a ready draft as PDF and Word from its page and download the files', async () => {
    const requested = await lead.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, {
      label: 'Files for the board',
    });
    const draft = await draftReady(requested.body.id);
    const page = await signedInPage(demoAccounts.lead);
    await page.goto(`${api.baseUrl}/drafts/${draft.id}`);
    await page.getByRole('heading', { level: 2, name: 'Download this draft' }).waitFor();

    for (const [label, extension] of [
      ['PDF', 'pdf'],
      ['Word (DOCX)', 'docx'],
    ] as const) {
      await page.getByRole('button', { name: `Export as ${label}` }).click();
      const link = page.getByRole('link', {
        name: new RegExp(`^Download ${label.replace(/[()]/g, '\\$&')}`),
      });
      await link.waitFor({ timeout: 30_000 });
      expect(await page.getByRole('button', { name: `Export as ${label}` }).count()).toBe(0);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^joint-forward-plan-[a-z0-9-]+-draft-${draft.number}\\.${extension}$`),
      );
      expect(await download.failure()).toBeNull();
    }
    await page.screenshot({ path: artifactPath('draft-exports.png'), fullPage: false });
  });
});
