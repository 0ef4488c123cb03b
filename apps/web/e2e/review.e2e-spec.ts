import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  artifactPath,
  connectTestDatabase,
  factories,
  launchChromium,
  startApi,
  type RunningApi,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import { initialContentUpdate, paragraphsToJson } from '@commonplan/editor';
import type pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dragSelect } from './select-text.js';
import { openSignedInPage } from './signed-in-page.js';

/**
 * A section's review in real browsers: an author asks for review, a reviewer on another computer
 * comments on a selection of the text and sends it back with a note, and the author sees the
 * thread, the status change and the notification as they happen, without reloading.
 */
describe('reviewing a section', () => {
  let api: RunningApi;
  let db: pg.Client;
  let browser: Browser;
  let author: TestUser;
  let reviewer: TestUser;
  let lead: TestUser;
  let footprintSlug: string;
  let planId: string;
  let section: TestSection;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    api = await startApi({ env: { SMTP_URL: '' } });
    db = await connectTestDatabase();
    const f = factories(db);
    author = await f.aUser({ name: 'Amara Author' });
    reviewer = await f.aUser({ name: 'Rhys Reviewer' });
    lead = await f.aUser({ name: 'Leila Lead' });
    const footprint = await f.aFootprint({
      members: { lead: [lead], author: [author], reviewer: [reviewer] },
    });
    const plan = await f.aPlan(footprint.id);
    footprintSlug = footprint.slug;
    planId = plan.id;
    section = await f.aSection(plan.id, { title: 'Children and young people' });
    await f.anAssignment(section.id, author.id, 'author');
    await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
      section.id,
      Buffer.from(
        initialContentUpdate(
          paragraphsToJson(['We will halve waits for children’s mental health services by 2021.']),
        ),
      ),
    ]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
    await api?.stop();
  });

  function signedInPage(user: TestUser): Promise<Page> {
    return openSignedInPage(
      { browser, contexts, baseUrl: api.baseUrl, viewport: { width: 1200, height: 1400 } },
      user.email,
      user.password,
    );
  }

  async function openSection(page: Page): Promise<void> {
    await page.goto(`${api.baseUrl}/sections/${section.id}`);
    await page.getByRole('heading', { level: 1, name: section.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Review' }).waitFor();
  }

  it('an author asks for review, a reviewer comments on the text and sends it back, and the author sees it all live', async () => {
    const amara = await signedInPage(author);
    await openSection(amara);
    await amara.getByTestId('review-status').getByText('Draft').waitFor();
    // The panel may still be loading the members when the form is opened; open it again if a
    // reload put it back closed, as a person would.
    const rhysBox = amara.getByRole('checkbox', { name: 'Rhys Reviewer' });
    for (let tries = 0; tries < 3 && !(await rhysBox.isVisible()); tries += 1) {
      await amara.locator('summary', { hasText: 'Ask for review' }).click();
      await rhysBox.waitFor({ timeout: 8_000 }).catch(() => undefined);
    }
    await rhysBox.check();
    await amara.getByLabel('Note for the reviewers (optional)').fill('Please check the targets.');
    await amara.getByRole('button', { name: 'Ask for review' }).click();
    await amara.getByTestId('review-status').getByText('In review').waitFor();
    await amara.screenshot({ path: artifactPath('review-1-asked.png'), fullPage: true });

    const rhys = await signedInPage(reviewer);
    // The reviewer hears of it in the header, and follows the notification to the section.
    expect(await rhys.getByTestId('unread-count').innerText()).toContain('1');
    await rhys.getByRole('link', { name: /Notifications/ }).click();
    await rhys.getByRole('link', { name: /Amara Author asked you to review/ }).click();
    await rhys.getByRole('heading', { level: 1, name: section.title }).waitFor();
    await rhys.getByTestId('review-status').getByText('In review').waitFor();
    await rhys.getByText('Please check the targets.').waitFor();

    // The reviewer cannot change the text but comments on the words in question.
    await rhys.getByRole('textbox', { name: 'Section text' }).waitFor();
    await dragSelect(rhys, 'halve waits');
    await rhys.getByRole('button', { name: 'Comment', exact: true }).click();
    const rhysComments = rhys.getByRole('complementary', { name: 'Comments' });
    await rhysComments
      .getByRole('combobox', { name: 'Your comment' })
      .fill('Halve from what baseline?');
    await rhysComments.getByRole('button', { name: 'Add comment' }).click();
    await rhysComments.getByText('Halve from what baseline?').waitFor();

    // Asking for changes without a note is refused on the spot.
    await rhys.getByRole('button', { name: 'Ask for changes' }).click();
    await rhys.getByRole('alert').getByText('Write a note saying what should change').waitFor();
    await rhys.getByLabel('Note').fill('Add the 2020/21 targets for CAMHS waits.');
    await rhys.getByRole('button', { name: 'Ask for changes' }).click();
    await rhys.getByTestId('review-status').getByText('Changes requested').waitFor();
    await rhys.screenshot({ path: artifactPath('review-2-sent-back.png'), fullPage: true });

    // Amara has not reloaded: the thread, the status, the note and her notification arrive by themselves.
    const amaraThread = amara
      .getByRole('complementary', { name: 'Comments' })
      .locator('article', { has: amara.locator('q', { hasText: 'halve waits' }) });
    await amaraThread.getByText('Halve from what baseline?').waitFor();
    await amara.getByTestId('review-status').getByText('Changes requested').waitFor();
    await amara.getByText('Add the 2020/21 targets for CAMHS waits.').first().waitFor();
    await amara.getByTestId('unread-count').getByText('1').waitFor();
    await amara
      .getByRole('status')
      .getByText(/just changed this section’s review status/)
      .waitFor();
    await amara.screenshot({ path: artifactPath('review-3-author-sees-it.png'), fullPage: true });

    await amara.getByRole('link', { name: /Notifications/ }).click();
    await amara
      .getByRole('link', { name: /Rhys Reviewer asked for changes to “Children and young people”/ })
      .waitFor();
    await amara.getByRole('button', { name: 'Mark all as read' }).click();
    await amara.getByText('You have read all your notifications.').waitFor();
    expect(await amara.getByTestId('unread-count').count()).toBe(0);
  });

  it('a lead follows the plan on its dashboard and finds the review in the filtered activity', async () => {
    const leila = await signedInPage(lead);
    await leila.goto(`${api.baseUrl}/plans/${planId}`);
    await leila.getByRole('button', { name: 'Mute this plan' }).waitFor();
    await leila.getByRole('link', { name: /dashboard/ }).click();
    await leila.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const row = leila.getByRole('row').filter({ hasText: section.title });
    await row.getByText('Changes requested').waitFor();
    await leila.getByRole('img', { name: /Sections by review status, day by day/ }).waitFor();
    // The section's sentence is counted: the words chart draws it, and the row says how many.
    await leila.getByRole('img', { name: /Words written per day/ }).waitFor();
    await row.getByRole('cell', { name: '11', exact: true }).waitFor();
    await leila.screenshot({ path: artifactPath('review-4-dashboard.png'), fullPage: true });

    await leila.goto(`${api.baseUrl}/footprints/${footprintSlug}/activity`);
    await leila.getByLabel('Kind').selectOption('reviews');
    await leila.getByRole('button', { name: 'Show activity' }).click();
    await leila
      .getByRole('cell', {
        name: `Asked for changes to “${section.title}”, noting: Add the 2020/21 targets for CAMHS waits.`,
      })
      .waitFor();
    await leila.getByRole('cell', { name: `Asked for review of “${section.title}”` }).waitFor();
    await leila.screenshot({ path: artifactPath('review-5-activity.png'), fullPage: true });
    // Nothing else happened to plans in this footprint: another kind shows nothing, and says so.
    await leila.getByLabel('Kind').selectOption('plans');
    await leila.getByRole('button', { name: 'Show activity' }).click();
    await leila.getByText('Nothing matches these filters.', { exact: false }).waitFor();
    expect(await leila.getByRole('cell', { name: /Asked for changes/ }).count()).toBe(0);
  });
});
