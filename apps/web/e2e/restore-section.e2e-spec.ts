import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SectionProvider, userColour } from '@commonplan/collab-client';
import {
  defaultDemoPassword,
  demoAccounts,
  demoFootprintSlug,
  type AuditEventView,
  type DraftSummary,
  type DraftView,
  type Me,
  type Page as ApiPage,
  type PlanSummary,
  type SectionView,
} from '@commonplan/domain';
import { sectionFragmentName } from '@commonplan/editor';
import {
  useOwnDatabase,
  ApiClient,
  artifactPath,
  launchChromium,
  startApi,
  unique,
  type RunningApi,
} from '@commonplan/testing';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import * as Y from 'yjs';
import { openSignedInPage } from './signed-in-page.js';

useOwnDatabase();

const textA = 'Version A: we will open two community clinics in Swindon.';
const textB = 'Version B: the clinics are on hold until the money is agreed.';

/**
 * Restoring a section's text from a draft, in real browsers with the built API and a worker: the
 * restore is an edit like typing, so the other author in the section sees it at once, the server
 * keeps it, and the author's Undo takes it back.
 */
describe('restoring a section from a draft', () => {
  let api: RunningApi;
  let worker: RunningApi;
  let browser: Browser;
  let lead: ApiClient;
  let section: SectionView;
  let draft: DraftView;
  let writer: SectionProvider;
  const contexts: BrowserContext[] = [];

  /** Replaces the whole text with one paragraph, as someone typing elsewhere would. */
  async function writeOnly(line: string): Promise<void> {
    const fragment = writer.doc.getXmlFragment(sectionFragmentName);
    writer.doc.transact(() => {
      fragment.delete(0, fragment.length);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      fragment.insert(0, [paragraph]);
    });
    await writer.saved();
  }

  async function idOf(email: string): Promise<string> {
    const client = new ApiClient(api.baseUrl);
    await client.signIn(email, defaultDemoPassword);
    return (await client.get<Me>('/api/auth/me')).body.user.id;
  }

  beforeAll(async () => {
    const env = {
      SEED_DEMO: 'true',
      DEMO_PASSWORD: defaultDemoPassword,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}restore-e2e-${unique()}:`,
    };
    api = await startApi({ env });
    worker = await startApi({ entry: 'worker', env });
    browser = await launchChromium();
    lead = new ApiClient(api.baseUrl);
    await lead.signIn(demoAccounts.lead, defaultDemoPassword);
    const plan = (
      await lead.post<PlanSummary>(`/api/footprints/${demoFootprintSlug}/plans`, {
        title: `Restore plan ${unique()}`,
        kind: 'joint_forward_plan',
        periodStart: '2025/26',
        periodEnd: '2029/30',
      })
    ).body;
    const created = await lead.post<SectionView>(`/api/plans/${plan.id}/sections`, {
      title: `Community clinics ${unique()}`,
      theme: 'care_and_quality',
    });
    expect(created.status).toBe(201);
    section = created.body;
    const assigned = await lead.patch(`/api/sections/${section.id}`, {
      authorIds: [await idOf(demoAccounts.author), await idOf(demoAccounts.author2)],
    });
    expect(assigned.status).toBe(200);
    const me = (await lead.get<Me>('/api/auth/me')).body;
    writer = new SectionProvider({
      url: api.baseUrl,
      sectionId: section.id,
      headers: { cookie: `cp_session=${lead.sessionCookie}`, origin: api.baseUrl },
      user: { id: me.user.id, name: me.user.name, color: userColour(me.user.id) },
    });
    await writer.synced();

    // The text is A, a draft is made of it, then the text becomes B.
    await writeOnly(textA);
    const requested = await lead.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, {
      label: 'Before the money talks',
    });
    const deadline = Date.now() + 40_000;
    for (;;) {
      draft = (await lead.get<DraftView>(`/api/drafts/${requested.body.id}`)).body;
      if (draft.status === 'ready') break;
      if (draft.status === 'failed' || Date.now() > deadline)
        throw new Error(`draft ${draft.status}: ${draft.failureReason ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await writeOnly(textB);
    writer.destroy();
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

  function sectionText(page: Page): Locator {
    return page.getByRole('textbox', { name: 'Section text' });
  }

  async function shows(page: Page, expected: string, gone: string): Promise<void> {
    await sectionText(page).getByText(expected).waitFor();
    await sectionText(page).getByText(gone).waitFor({ state: 'detached' });
  }

  it('lets an author put back a draft’s text: the other author sees it live, it is kept, and Undo takes it back', async () => {
    const hannah = await signedInPage(demoAccounts.author2);
    await hannah.goto(`${api.baseUrl}/sections/${section.id}`);
    await shows(hannah, textB, textA);

    const tom = await signedInPage(demoAccounts.author);
    await tom.goto(`${api.baseUrl}/drafts/${draft.id}`);
    await tom.getByRole('link', { name: `Restore this text of “${section.title}”` }).click();
    await tom.getByRole('heading', { level: 1, name: section.title }).waitFor();
    await shows(tom, textB, textA);
    // Taken out of the address, so a reload does not ask again.
    expect(new URL(tom.url()).search).toBe('');

    const banner = tom.getByRole('region', { name: 'Restore from a draft' });
    expect(await banner.innerText()).toMatch(
      new RegExp(`Replace the current text with the text of draft ${draft.number} \\(.+\\)\\?`),
    );
    await tom.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await tom.screenshot({ path: artifactPath('restore-section-confirm.png'), fullPage: true });
    // By keyboard, as anyone can.
    await banner.getByRole('button', { name: 'Restore' }).focus();
    await tom.keyboard.press('Enter');

    await tom.getByText(`Text restored from draft ${draft.number}.`).waitFor();
    await shows(tom, textA, textB);
    await shows(hannah, textA, textB);
    await tom.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await tom.screenshot({ path: artifactPath('restore-section-restored.png'), fullPage: true });

    // The audit trail says who restored which draft's text.
    const restores = async () =>
      (
        await lead.get<ApiPage<AuditEventView>>(
          `/api/footprints/${demoFootprintSlug}/audit?action=section.text_restored`,
        )
      ).body.items.filter((event) => event.entityId === section.id);
    const deadline = Date.now() + 5_000;
    while ((await restores()).length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await restores()).toMatchObject([
      { actor: { name: 'Tom Okafor' }, details: { draftNumber: draft.number } },
    ]);

    // Kept by the server: a fresh load shows A, with no question asked again.
    await hannah.reload();
    await shows(hannah, textA, textB);
    expect(await hannah.getByRole('region', { name: 'Restore from a draft' }).count()).toBe(0);

    // Undo takes the restore back, for everyone.
    await tom.getByRole('button', { name: 'Undo the restore' }).click();
    await tom.getByText(`The text from draft ${draft.number} was taken back.`).waitFor();
    await shows(tom, textB, textA);
    await shows(hannah, textB, textA);
    await tom.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await hannah.reload();
    await shows(hannah, textB, textA);

    // Restored again, the restore is one step of Tom's undo history: one Ctrl+Z in the text.
    await tom.goto(`${api.baseUrl}/drafts/${draft.id}`);
    await tom.getByRole('link', { name: `Restore this text of “${section.title}”` }).click();
    await tom.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await tom.getByRole('button', { name: 'Restore' }).click();
    await shows(tom, textA, textB);
    await sectionText(tom).focus();
    await tom.keyboard.press('Control+z');
    await shows(tom, textB, textA);
    await shows(hannah, textB, textA);

    // Once Tom types after a restore, the banner no longer offers to undo the restore alone.
    await tom.goto(`${api.baseUrl}/drafts/${draft.id}`);
    await tom.getByRole('link', { name: `Restore this text of “${section.title}”` }).click();
    await tom.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await tom.getByRole('button', { name: 'Restore' }).click();
    await tom.getByRole('button', { name: 'Undo the restore' }).waitFor();
    await sectionText(tom).focus();
    await tom.keyboard.press('Control+End');
    await tom.keyboard.type(' Agreed.');
    await tom.getByText('You have changed the text since').waitFor();
    expect(await tom.getByRole('button', { name: 'Undo the restore' }).count()).toBe(0);
  });

  it('offers a reviewer no restore, and tells them why when they ask for one anyway', async () => {
    const reviewer = await signedInPage(demoAccounts.reviewer);
    await reviewer.goto(`${api.baseUrl}/drafts/${draft.id}`);
    await reviewer.getByRole('heading', { level: 2, name: section.title }).waitFor();
    expect(await reviewer.getByRole('link', { name: /Restore this text/ }).count()).toBe(0);

    await reviewer.goto(`${api.baseUrl}/sections/${section.id}?restoreFrom=${draft.id}`);
    await reviewer
      .getByText('You cannot restore this text: your role does not let you change this section.')
      .waitFor();
    expect(await reviewer.getByRole('button', { name: 'Restore' }).count()).toBe(0);
  });

  it('says so when the section is not in the draft', async () => {
    const later = (
      await lead.post<SectionView>(`/api/plans/${section.planId}/sections`, {
        title: `Added later ${unique()}`,
        theme: 'other',
      })
    ).body;
    const page = await signedInPage(demoAccounts.author);
    await page.goto(`${api.baseUrl}/sections/${later.id}?restoreFrom=${draft.id}`);
    await page.getByText('This section is not in that draft').waitFor();
    expect(await page.getByRole('button', { name: 'Restore' }).count()).toBe(0);
  });
});
