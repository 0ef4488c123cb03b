import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { SectionProvider, userColour } from '@commonplan/collab-client';
import {
  defaultDemoPassword,
  demoAccounts,
  type Me,
  type PlanSummary,
  type SectionView,
} from '@commonplan/domain';
import { sectionFragmentName } from '@commonplan/editor';
import {
  ApiClient,
  artifactPath,
  launchChromium,
  startApi,
  type RunningApi,
} from '@commonplan/testing';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { demoPlan } from './demo-plan.js';
import { openSignedInPage } from './signed-in-page.js';
import * as Y from 'yjs';

/**
 * Writing a section together in real browsers: the built client served by the built API, with the
 * seeded demo partnership. Each person has a browser context of their own (their own cookie), as
 * two people on two computers would.
 */
describe('the section editor', () => {
  let api: RunningApi;
  let browser: Browser;
  let plan: PlanSummary;
  let section: SectionView;
  const contexts: BrowserContext[] = [];
  const names = { author: 'Tom Okafor', author2: 'Hannah Williams' };

  beforeAll(async () => {
    api = await startApi({ env: { SEED_DEMO: 'true', DEMO_PASSWORD: defaultDemoPassword } });
    browser = await launchChromium();
    const client = new ApiClient(api.baseUrl);
    await client.signIn(demoAccounts.lead, defaultDemoPassword);
    plan = await demoPlan(client);
    const sections = (await client.get<SectionView[]>(`/api/plans/${plan.id}/sections`)).body;
    // A section both demo authors are assigned to write.
    section = sections.find((candidate) => {
      const emails = candidate.authors.map((author) => author.email);
      return emails.includes(demoAccounts.author) && emails.includes(demoAccounts.author2);
    })!;
    expect(section).toBeDefined();
  });

  // Each test starts with nobody else in the section.
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  function signedInPage(email: string): Promise<Page> {
    return openSignedInPage({ browser, contexts, baseUrl: api.baseUrl }, email);
  }

  function sectionText(page: Page): Locator {
    return page.getByRole('textbox', { name: 'Section text' });
  }

  function status(page: Page, text: string): Locator {
    return page.getByRole('status').filter({ hasText: text });
  }

  async function openSection(page: Page): Promise<Locator> {
    await page.goto(`${api.baseUrl}/sections/${section.id}`);
    await page.getByRole('heading', { level: 1, name: section.title }).waitFor();
    const text = sectionText(page);
    await text.waitFor();
    return text;
  }

  /** Puts the cursor at the very end of the text and starts a new paragraph there. */
  async function newParagraphAtEnd(page: Page, text: Locator): Promise<void> {
    await text.focus();
    // ProseMirror puts its own selection back into the page 20 ms after focus; a person is slower.
    await page.waitForTimeout(100);
    await page.keyboard.press('Control+End');
    await page.waitForFunction(() => {
      const focusNode = document.getSelection()?.focusNode;
      const last = document.getElementById('section-text')?.lastElementChild;
      return Boolean(focusNode && last?.contains(focusNode));
    });
    await page.keyboard.press('Enter');
  }

  it('lets two authors write at once: each sees the other’s words and named caret, and both are saved', async () => {
    const tom = await signedInPage(demoAccounts.author);
    // Tom arrives from the plan page, as people do.
    await tom.goto(`${api.baseUrl}/plans/${plan.id}`);
    await tom.getByRole('link', { name: section.title, exact: true }).click();
    await tom.getByRole('heading', { level: 1, name: section.title }).waitFor();
    const tomText = sectionText(tom);
    await tomText.waitFor();
    expect(await tom.title()).toBe(`${section.title} – Commonplan`);
    const hannah = await signedInPage(demoAccounts.author2);
    const hannahText = await openSection(hannah);

    for (const page of [tom, hannah]) {
      expect(await sectionText(page).getAttribute('contenteditable')).toBe('true');
      await page.getByRole('toolbar', { name: 'Formatting' }).waitFor();
      await status(page, 'All changes saved').waitFor();
      // The section details and its controls are still on the page.
      await page.getByText('Lead organisation').first().waitFor();
    }

    const tomLine = 'Tom: open 40 more community beds in Swindon by winter.';
    const hannahLine = 'Hannah: a crisis line for mental health, open all night.';
    await newParagraphAtEnd(tom, tomText);
    await tom.keyboard.type(tomLine);
    await newParagraphAtEnd(hannah, hannahText);
    await hannah.keyboard.type(hannahLine);

    for (const text of [tomText, hannahText]) {
      await text.getByText(tomLine).waitFor();
      await text.getByText(hannahLine).waitFor();
    }

    // Each sees the other's caret, labelled with their name, and the other among those present.
    await tomText
      .locator('.collaboration-carets__label', { hasText: names.author2 })
      .waitFor({ state: 'attached' });
    await hannahText
      .locator('.collaboration-carets__label', { hasText: names.author })
      .waitFor({ state: 'attached' });
    const tomPresent = tom.getByRole('list', { name: 'In this section now' });
    await tomPresent.getByText(names.author2, { exact: true }).waitFor();
    await tomPresent.getByText(`${names.author} (you)`, { exact: true }).waitFor();
    await hannah
      .getByRole('list', { name: 'In this section now' })
      .getByText(names.author, { exact: true })
      .waitFor();

    await status(tom, 'All changes saved').waitFor();
    await status(hannah, 'All changes saved').waitFor();
    await tom.screenshot({ path: artifactPath('section-editor-author.png'), fullPage: true });
    await hannah.screenshot({ path: artifactPath('section-editor-author2.png'), fullPage: true });

    // "Saved" means saved: a fresh visit reads both lines back from the server, at the end.
    await tom.reload();
    const reloaded = sectionText(tom);
    await reloaded.getByText(tomLine).waitFor();
    await reloaded.getByText(hannahLine).waitFor();
    // The paragraphs' own text, without the name labels of carets sitting in them.
    const paragraphs = await reloaded.locator('p').evaluateAll((elements) =>
      elements.map((element) =>
        [...element.childNodes]
          .filter((node) => !(node as Element).classList?.contains('collaboration-carets__caret'))
          .map((node) => node.textContent)
          .join(''),
      ),
    );
    expect(paragraphs.slice(-2).sort()).toEqual([hannahLine, tomLine]);
  });

  it('formats text from the toolbar and its shortcuts, and the other author sees the formatting', async () => {
    const tom = await signedInPage(demoAccounts.author);
    const tomText = await openSection(tom);
    const hannah = await signedInPage(demoAccounts.author2);
    const hannahText = await openSection(hannah);
    await status(tom, 'All changes saved').waitFor();
    const toolbar = tom.getByRole('toolbar', { name: 'Formatting' });

    await newParagraphAtEnd(tom, tomText);
    await tom.keyboard.type('Workforce');
    const heading = toolbar.getByRole('button', { name: 'Heading 3' });
    expect(await heading.getAttribute('aria-pressed')).toBe('false');
    await heading.click();
    expect(await heading.getAttribute('aria-pressed')).toBe('true');
    await hannahText.getByRole('heading', { level: 3, name: 'Workforce' }).waitFor();

    await tom.keyboard.press('End');
    await tom.keyboard.press('Enter');
    await tom.keyboard.press('Control+B');
    expect(await toolbar.getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await tom.keyboard.type('Recruit 120 nurses');
    await tom.keyboard.press('Control+B');
    await hannahText.locator('strong', { hasText: 'Recruit 120 nurses' }).waitFor();

    await tom.keyboard.type(' (see ');
    await tom.keyboard.press('Control+K');
    const dialog = tom.getByRole('dialog', { name: 'Add a link' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.getByText('Enter the address to link to').waitFor();
    await dialog.getByLabel('Link address').fill('www.england.nhs.uk/long-term-plan');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await hannahText
      .locator('a[href="https://www.england.nhs.uk/long-term-plan"]')
      .waitFor({ state: 'attached' });

    await tom.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Insert table' }).click();
    await hannahText.locator('table').waitFor();
    // Undo takes back changes made within half a second of each other together; pause as people do.
    await tom.waitForTimeout(600);
    await toolbar.getByRole('button', { name: 'Add column' }).click();
    await hannahText.locator('table tr').first().locator('th').nth(3).waitFor();

    await toolbar.getByRole('button', { name: 'Undo' }).click();
    const headerCells = hannahText.locator('table tr').first().locator('th');
    await headerCells.nth(3).waitFor({ state: 'detached' });
    expect(await headerCells.count()).toBe(3);
    await status(tom, 'All changes saved').waitFor();
    await tom.screenshot({ path: artifactPath('section-editor-toolbar.png'), fullPage: true });
  });

  it('shows a reviewer the text but does not let them change it', async () => {
    const writer = await signedInPage(demoAccounts.author);
    const writerText = await openSection(writer);
    const line = 'Reviewed text: urgent treatment centres open 12 hours a day.';
    await newParagraphAtEnd(writer, writerText);
    await writer.keyboard.type(line);
    await status(writer, 'All changes saved').waitFor();

    const reviewer = await signedInPage(demoAccounts.reviewer);
    const reviewerText = await openSection(reviewer);
    await reviewerText.getByText(line).waitFor();
    expect(await reviewerText.getAttribute('aria-readonly')).toBe('true');
    await reviewer
      .getByText('You can read this section; your role does not let you change it.')
      .waitFor();
    expect(await reviewer.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);

    const before = await reviewerText.innerText();
    await reviewerText.click();
    await reviewer.keyboard.type('a reviewer should not be able to add this');
    await reviewer.keyboard.press('Backspace');
    await reviewer.keyboard.press('Enter');
    expect(await reviewerText.innerText()).toBe(before);
    // The reviewer can still select words with the keyboard, to comment on them.
    await reviewer.keyboard.press('Home');
    await reviewer.keyboard.press('Shift+End');
    expect(
      await reviewer.evaluate(() => document.getSelection()?.toString().length ?? 0),
    ).toBeGreaterThan(0);
    await writerText.getByText(line).waitFor();
    expect(await writerText.innerText()).not.toContain('a reviewer should not');

    // What the writer types next still reaches the reviewer.
    await writer.keyboard.type(' Reviewers see this too.');
    await reviewerText.getByText(`${line} Reviewers see this too.`).waitFor();
    await reviewer.screenshot({
      path: artifactPath('section-editor-reviewer.png'),
      fullPage: true,
    });
  });

  it('sends edits made offline once the connection is back, and counts them until they are saved', async () => {
    const tom = await signedInPage(demoAccounts.author);
    const tomText = await openSection(tom);
    await status(tom, 'All changes saved').waitFor();

    // Hannah writes from Node through the same client library the browser uses.
    const client = new ApiClient(api.baseUrl);
    await client.signIn(demoAccounts.author2, defaultDemoPassword);
    const me = await client.get<Me>('/api/auth/me');
    const hannah = new SectionProvider({
      url: api.baseUrl,
      sectionId: section.id,
      headers: { cookie: `cp_session=${client.sessionCookie}`, origin: api.baseUrl },
      user: { id: me.body.user.id, name: names.author2, color: userColour(me.body.user.id) },
      reconnect: { minDelayMs: 50, maxDelayMs: 500 },
    });
    try {
      await hannah.synced();
      expect(hannah.canEdit).toBe(true);
      await tom
        .getByRole('list', { name: 'In this section now' })
        .getByText(names.author2, { exact: true })
        .waitFor();

      hannah.disconnect();
      expect(hannah.status).toBe('offline');
      const line = 'Written on the train: pharmacies to take minor illness referrals from NHS 111.';
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      hannah.doc.getXmlFragment(sectionFragmentName).push([paragraph]);
      expect(hannah.unacknowledged).toBe(1);
      // Nothing travels while offline, and Hannah has left the list of people present.
      await tom
        .getByRole('list', { name: 'In this section now' })
        .getByText(names.author2, { exact: true })
        .waitFor({ state: 'detached' });
      expect(await tomText.innerText()).not.toContain(line);

      hannah.connect();
      await hannah.synced();
      await hannah.saved();
      expect(hannah.unacknowledged).toBe(0);
      await tomText.getByText(line).waitFor();
      await status(tom, 'All changes saved').waitFor();
    } finally {
      hannah.destroy();
    }
  });
});
