import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SectionProvider, userColour } from '@commonplan/collab-client';
import { anchorForText, schemaMisfits, sectionFragmentName } from '@commonplan/editor';
import {
  ApiClient,
  artifactPath,
  connectTestDatabase,
  factories,
  hostileDroppedText,
  hostileVisibleText,
  launchChromium,
  safeLinkHref,
  startApi,
  storedDoc,
  writeHostileText,
  type RunningApi,
  type TestSection,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type * as Y from 'yjs';
import { openSignedInPage } from './signed-in-page.js';

const commentBody =
  '<script>window.__pwned="comment"</script><img src=x onerror="window.__pwned=1">';
const replyBody =
  '<iframe src="javascript:window.__pwned=2"></iframe> <a href="javascript:alert(1)">x</a>';

/** What a page did that it must not: dialogs, new windows, navigations, policy violations. */
interface Watched {
  page: Page;
  dialogs: string[];
  popups: string[];
  navigations: string[];
  violations: string[];
}

/**
 * Section text and comments planted by an author who skipped the editor (a crafted Yjs update over
 * the socket, HTML in comment bodies), opened in Chromium under the API's security policy by a
 * reviewer and then an author, who hover over and click everything: nothing runs, nothing
 * dangerous is in the editor's DOM, and the words are all there as words.
 */
describe('hostile section text and comments in the browser', () => {
  let api: RunningApi;
  let db: pg.Client;
  let browser: Browser;
  let author: TestUser;
  let reviewer: TestUser;
  let section: TestSection;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    api = await startApi({ env: { SMTP_URL: '' } });
    db = await connectTestDatabase();
    const make = factories(db);
    author = await make.aUser({ name: 'Ada Author' });
    reviewer = await make.aUser({ name: 'Rhys Reviewer' });
    const footprint = await make.aFootprint({
      members: { author: [author], reviewer: [reviewer] },
    });
    section = await make.aSection((await make.aPlan(footprint.id)).id, { title: 'Planted text' });
    await make.anAssignment(section.id, author.id, 'author');
    await make.anAssignment(section.id, reviewer.id, 'reviewer');

    // The author sends the hostile text as one Yjs update, from Node, without any editor.
    const authorClient = new ApiClient(api.baseUrl);
    await authorClient.signIn(author.email, author.password);
    const writer = new SectionProvider({
      url: api.baseUrl,
      sectionId: section.id,
      headers: { cookie: `cp_session=${authorClient.sessionCookie}`, origin: api.baseUrl },
      user: { id: author.id, name: author.name, color: userColour(author.id) },
    });
    await writer.synced();
    writeHostileText(writer.doc.getXmlFragment(sectionFragmentName));
    await writer.saved();
    const anchor = anchorForText(writer.doc, hostileVisibleText.before);
    writer.destroy();

    const thread = await authorClient.post<{ id: string }>(`/api/sections/${section.id}/threads`, {
      anchor,
      body: commentBody,
    });
    expect(thread.status).toBe(201);
    const reviewerClient = new ApiClient(api.baseUrl);
    await reviewerClient.signIn(reviewer.email, reviewer.password);
    const reply = await reviewerClient.post(`/api/threads/${thread.body.id}/comments`, {
      body: replyBody,
    });
    expect(reply.status).toBe(201);

    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
    await api?.stop();
  });

  /** The section's text as PostgreSQL holds it: the snapshot, then the log. */
  async function storedFragment(sectionId: string): Promise<Y.XmlFragment> {
    return (await storedDoc(db, sectionId)).getXmlFragment(sectionFragmentName);
  }

  async function openWatched(person: TestUser): Promise<Watched> {
    const page = await openSignedInPage(
      { browser, contexts, baseUrl: api.baseUrl, viewport: { width: 1280, height: 1100 } },
      person.email,
      person.password,
    );
    const watched: Watched = { page, dialogs: [], popups: [], navigations: [], violations: [] };
    page.on('dialog', (dialog) => {
      watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('popup', (popup) => watched.popups.push(popup.url()));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) watched.navigations.push(frame.url());
      else watched.navigations.push(`frame: ${frame.url()}`);
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) watched.violations.push(message.text());
    });
    await page.exposeFunction('reportViolation', (text: string) => watched.violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
        );
      });
    });
    return watched;
  }

  async function openSection(watched: Watched): Promise<Locator> {
    const { page } = watched;
    await page.goto(`${api.baseUrl}/sections/${section.id}`);
    await page.getByRole('heading', { level: 1, name: section.title }).waitFor();
    const text = page.getByRole('textbox', { name: 'Section text' });
    await text.getByText(hostileVisibleText.after).waitFor();
    watched.navigations.length = 0;
    return text;
  }

  /** Hovers over and clicks every link and the paragraph that carried handlers. */
  async function poke(page: Page, text: Locator): Promise<void> {
    for (const [index, words] of hostileVisibleText.linkWords.entries()) {
      const target = text.getByText(words, { exact: true });
      await target.hover();
      // Ctrl+click, which opens a link in a new tab, on every other one keeps the test quick.
      await target.click(index % 2 === 0 ? { modifiers: ['Control'] } : {});
    }
    const handlers = text.getByText(hostileVisibleText.handlers);
    await handlers.hover();
    await handlers.dblclick();
    await page.mouse.move(0, 0);
    // Anything a click set going (a navigation, a timer in a planted handler) has time to show.
    await page.waitForTimeout(300);
  }

  /** What the editor's DOM holds that could run or load anything. */
  function dangerIn(text: Locator) {
    return text.evaluate((root) => {
      const elements = [root, ...Array.from(root.querySelectorAll('*'))];
      const runnable = /^\s*(javascript|vbscript|data):/i;
      const dangerous = ['script', 'iframe', 'img', 'object', 'embed', 'frame', 'marquee'];
      return {
        elements: elements
          // ProseMirror's own spacer (an image with no source) stands where the caret needs one.
          .filter(
            (element) =>
              !(element.className === 'ProseMirror-separator' && !element.hasAttribute('src')),
          )
          .map((element) => element.tagName.toLowerCase())
          .filter((name) => dangerous.includes(name)),
        handlers: elements.flatMap((element) =>
          Array.from(element.attributes)
            .filter((attribute) => /^on/i.test(attribute.name))
            .map((attribute) => `${element.tagName.toLowerCase()}[${attribute.name}]`),
        ),
        loads: elements.flatMap((element) =>
          ['src', 'srcdoc', 'data', 'formaction', 'action']
            .filter((name) => element.hasAttribute(name))
            .map((name) => `${element.tagName.toLowerCase()}[${name}]`),
        ),
        styledUrls: elements.filter((element) => /url\(/i.test(element.getAttribute('style') ?? ''))
          .length,
        hrefs: Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href')),
        runnableHrefs: Array.from(root.querySelectorAll('[href]'))
          .map((element) => (element as HTMLAnchorElement).href)
          .filter((href) => runnable.test(href)),
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      };
    });
  }

  async function expectNothingRan(watched: Watched, text: Locator): Promise<void> {
    const danger = await dangerIn(text);
    expect(danger).toEqual({
      elements: [],
      handlers: [],
      loads: [],
      styledUrls: 0,
      // TipTap draws a link whose address the shared rule refuses with an empty target.
      hrefs: [...hostileVisibleText.linkWords.map(() => ''), safeLinkHref],
      runnableHrefs: [],
      pwned: null,
    });
    expect(
      await watched.page.evaluate(
        () => (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      ),
    ).toBeNull();
    expect(watched.dialogs).toEqual([]);
    expect(watched.popups).toEqual([]);
    expect(watched.navigations).toEqual([]);
    expect(watched.violations).toEqual([]);
    expect(watched.page.url()).toBe(`${api.baseUrl}/sections/${section.id}`);
  }

  async function expectTheWords(text: Locator): Promise<void> {
    const shown = await text.innerText();
    for (const words of [
      hostileVisibleText.before,
      ...hostileVisibleText.linkWords,
      hostileVisibleText.safeLinkWords,
      hostileVisibleText.scriptAsText,
      hostileVisibleText.imageAsText,
      hostileVisibleText.handlers,
      hostileVisibleText.afterImage,
      hostileVisibleText.after,
    ])
      expect(shown).toContain(words);
    for (const words of Object.values(hostileDroppedText)) expect(shown).not.toContain(words);
  }

  async function expectCommentsAsText(watched: Watched): Promise<void> {
    const panel = watched.page.getByRole('complementary', { name: 'Comments' });
    const article = panel.locator('article', {
      has: watched.page.locator('q', { hasText: hostileVisibleText.before }),
    });
    await article.getByText(commentBody, { exact: true }).waitFor();
    await article.getByText(replyBody.replace(/\s+/g, ' '), { exact: true }).waitFor();
    const markup = await panel.evaluate(
      (root) =>
        root.querySelectorAll('script, iframe, img, object, embed, a[href^="javascript"]').length,
    );
    expect(markup).toBe(0);
  }

  it('a reviewer reads it: every word shown as text, nothing runs on hover or click', async () => {
    const watched = await openWatched(reviewer);
    const text = await openSection(watched);
    await expectTheWords(text);
    await expectCommentsAsText(watched);
    await poke(watched.page, text);
    await expectNothingRan(watched, text);
    await watched.page.screenshot({
      path: artifactPath('hostile-text-reviewer.png'),
      fullPage: true,
    });
  });

  it('an author opens it to edit: the same, and the editor saves its drop of what the schema lacks', async () => {
    const watched = await openWatched(author);
    const text = await openSection(watched);
    await watched.page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await expectTheWords(text);
    await expectCommentsAsText(watched);
    await poke(watched.page, text);
    await expectNothingRan(watched, text);
    await watched.page.screenshot({
      path: artifactPath('hostile-text-author.png'),
      fullPage: true,
    });

    // The editor's binding deleted the elements the schema lacks, as an ordinary edit the server
    // logged: the stored text no longer holds them.
    let misfits = ['not read yet'];
    for (let waited = 0; misfits.length > 0 && waited < 10_000; waited += 100) {
      if (waited > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      const stored = await storedFragment(section.id);
      misfits = schemaMisfits(stored).map(({ child }) => String(child));
      stored.doc!.destroy();
    }
    expect(misfits).toEqual([]);
  });

  // Skipped: a known fault of the editor, not fixed yet. On Chromium 156.0.8078.114 the words
  // typed straight after clicking into this hostile text are shown at the end but stored after "A
  // paragraph with handlers." (the next paragraph merged into it). A log of the author page's Yjs
  // transactions shows the author's own binding (origin `y-sync$`) writing that merge on the first
  // keystroke. Run alone the test passes; it fails in about a third of runs after the two above,
  // and in most runs when it followed their poke and full-page screenshot in one test. Kept so the
  // case is not lost; run it again once the binding's diff is fixed.
  it.skip('an author types at the end of hostile text straight after opening it, and the words are stored where they were typed', async () => {
    const watched = await openWatched(author);
    const text = await openSection(watched);
    await watched.page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await text.getByText(hostileVisibleText.after).click();
    await watched.page.keyboard.press('Control+End');
    await watched.page.waitForFunction((words) => {
      const selection = window.getSelection();
      return selection?.isCollapsed && selection.anchorNode?.textContent === words;
    }, hostileVisibleText.after);
    await watched.page.keyboard.type(' Still words.');
    await watched.page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    const stored = await storedFragment(section.id);
    expect(stored.toString()).toContain(`${hostileVisibleText.after} Still words.`);
    stored.doc!.destroy();
  });
});
