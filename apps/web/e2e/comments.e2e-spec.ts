import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultDemoPassword, demoAccounts, type SectionView } from '@commonplan/domain';
import {
  ApiClient,
  artifactPath,
  launchChromium,
  startApi,
  type RunningApi,
} from '@commonplan/testing';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { demoPlan } from './demo-plan.js';
import { dragSelect } from './select-text.js';
import { openSignedInPage } from './signed-in-page.js';

/**
 * Commenting on a section in real browsers: an author and a reviewer, each in a browser context
 * of their own, with the built client served by the built API and the seeded demo partnership.
 */
describe('comments on section text', () => {
  let api: RunningApi;
  let browser: Browser;
  let section: SectionView;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    api = await startApi({ env: { SEED_DEMO: 'true', DEMO_PASSWORD: defaultDemoPassword } });
    browser = await launchChromium();
    const client = new ApiClient(api.baseUrl);
    await client.signIn(demoAccounts.lead, defaultDemoPassword);
    const plan = await demoPlan(client);
    // A section of its own: other browser tests share the demo plan and change its sections.
    section = (
      await client.post<SectionView>(`/api/plans/${plan.id}/sections`, {
        title: 'Cancer waits',
        theme: 'care_and_quality',
      })
    ).body;
    expect(section.id).toBeDefined();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await api?.stop();
  });

  function signedInPage(email: string): Promise<Page> {
    return openSignedInPage(
      { browser, contexts, baseUrl: api.baseUrl, viewport: { width: 1280, height: 1000 } },
      email,
    );
  }

  async function openSection(page: Page): Promise<Locator> {
    await page.goto(`${api.baseUrl}/sections/${section.id}`);
    await page.getByRole('heading', { level: 1, name: section.title }).waitFor();
    const text = page.getByRole('textbox', { name: 'Section text' });
    await text.waitFor();
    return text;
  }

  function comments(page: Page): Locator {
    return page.getByRole('complementary', { name: 'Comments' });
  }

  function thread(page: Page, quote: string): Locator {
    return comments(page).locator('article', { has: page.locator('q', { hasText: quote }) });
  }

  it('an author comments on selected text; a reviewer sees it live, replies, and it is resolved', async () => {
    const line = 'Comment target: we will cut waits for a cancer diagnosis to 28 days.';
    const tom = await signedInPage(demoAccounts.author);
    const tomText = await openSection(tom);
    // Put a line of our own in the text for this test.
    await tomText.focus();
    await tom.waitForTimeout(100);
    await tom.keyboard.press('Control+End');
    await tom.keyboard.press('Enter');
    await tom.keyboard.type(line);
    await tom.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

    const gareth = await signedInPage(demoAccounts.reviewer);
    const garethText = await openSection(gareth);
    await garethText.getByText(line).waitFor();
    await comments(gareth).waitFor();

    // Tom selects words and starts a comment with the keyboard shortcut, mentioning Gareth.
    await dragSelect(tom, 'cancer diagnosis');
    await tom.keyboard.press('Control+Alt+M');
    const form = comments(tom).getByRole('combobox', { name: 'Your comment' });
    await form.waitFor();
    // The words stay marked while the form has the focus.
    await tomText
      .locator('.app-comment-highlight--active', { hasText: 'cancer diagnosis' })
      .waitFor();
    await form.type('Which cancers does this cover? @Gar');
    const option = comments(tom).getByRole('option', { name: 'Gareth Jones' });
    await option.waitFor();
    await form.press('Enter');
    expect(await form.inputValue()).toBe('Which cancers does this cover? @Gareth Jones ');
    await comments(tom).getByRole('button', { name: 'Add comment' }).click();

    const tomThread = thread(tom, 'cancer diagnosis');
    await tomThread.getByText('Which cancers does this cover? @Gareth Jones').waitFor();
    await tomText.locator('.app-comment-highlight', { hasText: 'cancer diagnosis' }).waitFor();

    // Gareth sees the thread and its highlight without reloading.
    const garethThread = thread(gareth, 'cancer diagnosis');
    await garethThread.getByText('Which cancers does this cover?').waitFor();
    const highlight = garethText.locator('.app-comment-highlight', {
      hasText: 'cancer diagnosis',
    });
    await highlight.waitFor();

    // The highlight follows the words while Tom types before them.
    await tomText.focus();
    await tom.waitForTimeout(100);
    await tom.evaluate((words) => {
      const root = document.getElementById('section-text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent!.indexOf(words);
        if (index < 0) continue;
        document.getSelection()!.collapse(node, index);
        return;
      }
    }, 'Comment target');
    await tom.waitForTimeout(100);
    await tom.keyboard.type('Update: ');
    // The paragraph's own text, without the name label of Tom's caret sitting in it.
    await gareth.waitForFunction((expected) => {
      const text = document.getElementById('section-text')!.cloneNode(true) as HTMLElement;
      for (const caret of text.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return text.textContent!.includes(expected);
    }, `Update: ${line}`);
    expect(await highlight.textContent()).toBe('cancer diagnosis');

    // Clicking the highlight brings its thread into focus.
    await highlight.click();
    await gareth.waitForFunction(() =>
      document.activeElement?.classList.contains('app-comment-thread--active'),
    );

    // Gareth cannot change the text, but can select it and comment on it.
    await dragSelect(gareth, '28 days');
    await gareth.getByRole('button', { name: 'Comment', exact: true }).click();
    const garethForm = comments(gareth).getByRole('combobox', { name: 'Your comment' });
    await garethForm.fill('Is 28 days the national standard?');
    await comments(gareth).getByRole('button', { name: 'Add comment' }).click();
    await thread(tom, '28 days').getByText('Is 28 days the national standard?').waitFor();

    // Gareth replies to Tom's thread; Tom sees the reply live.
    await garethThread.getByRole('button', { name: 'Reply to this thread' }).click();
    await garethThread.getByRole('combobox', { name: 'Reply' }).fill('All cancers <b>please</b>.');
    await garethThread.getByRole('button', { name: 'Send reply' }).click();
    await tomThread.getByText('All cancers <b>please</b>.').waitFor();
    expect(await tomThread.locator('b').count()).toBe(0);

    await tom.screenshot({ path: artifactPath('comments-author.png'), fullPage: true });
    await gareth.screenshot({ path: artifactPath('comments-reviewer.png'), fullPage: true });

    // Tom resolves the thread; for both it moves behind the resolved toggle.
    await tomThread.getByRole('button', { name: 'Resolve this thread' }).click();
    for (const page of [tom, gareth]) {
      const toggle = comments(page).getByText('Resolved threads (1)');
      await toggle.waitFor();
      expect(
        await comments(page)
          .getByRole('list', { name: 'Open comment threads' })
          .getByText('Which cancers does this cover?')
          .count(),
      ).toBe(0);
    }
    await comments(gareth).getByText('Resolved threads (1)').click();
    await thread(gareth, 'cancer diagnosis').getByText('Resolved by Tom Okafor').waitFor();
    await gareth.screenshot({ path: artifactPath('comments-resolved.png'), fullPage: true });
  });

  // Reads the thread Gareth started in the test above.
  it('a viewer reads the comments but is offered nothing to write with', async () => {
    const aisha = await signedInPage(demoAccounts.viewer);
    await openSection(aisha);
    await thread(aisha, '28 days').getByText('Is 28 days the national standard?').waitFor();
    expect(await aisha.getByRole('button', { name: 'Comment', exact: true }).count()).toBe(0);
    expect(
      await comments(aisha)
        .getByRole('button', { name: /Reply|Resolve|Edit/ })
        .count(),
    ).toBe(0);
    await aisha
      .getByText('You can read this section; your role does not let you change it.')
      .waitFor();
  });

  it('says how to start when a section has no comments yet', async () => {
    const lead = new ApiClient(api.baseUrl);
    await lead.signIn(demoAccounts.lead, defaultDemoPassword);
    const other = (
      await lead.post<SectionView>(`/api/plans/${section.planId}/sections`, {
        title: 'Not yet discussed',
        theme: 'engagement',
      })
    ).body;
    expect(other.id).toBeDefined();
    const tom = await signedInPage(demoAccounts.author);
    await tom.goto(`${api.baseUrl}/sections/${other.id}`);
    await comments(tom).getByText('No comments yet. Select text and choose Comment.').waitFor();
  });
});
