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
import type pg from 'pg';
import type { Browser, Page } from 'playwright-core';

/**
 * The built web client under the API's Content Security Policy, in Chromium: signing in (a
 * same-origin POST the forgery guard must let through), the editor (TipTap's injected stylesheet,
 * the socket over WebSocket) and saving text all work, and the browser reports no violation.
 */
describe('the web client under the security policy', () => {
  let api: RunningApi;
  let db: pg.Client;
  let browser: Browser;
  let author: TestUser;
  let section: TestSection;

  beforeAll(async () => {
    api = await startApi({ env: { SMTP_URL: '' } });
    db = await connectTestDatabase();
    const f = factories(db);
    author = await f.aUser({ name: 'Cara Csp' });
    const footprint = await f.aFootprint({ members: { author: [author] } });
    section = await f.aSection((await f.aPlan(footprint.id)).id, { title: 'Urgent care' });
    await f.anAssignment(section.id, author.id, 'author');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await api?.stop();
  });

  /** A page that records every CSP violation and console complaint about the policy. */
  async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
        );
      });
    });
    return { page, violations };
  }

  it('signs in, edits and saves a section with no policy violation', async () => {
    const { page, violations } = await watchedPage();
    const response = await page.goto(`${api.baseUrl}/sign-in`);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");

    await page.getByLabel('Email address').fill(author.email);
    await page.getByLabel('Password').fill(author.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your footprints' }).waitFor();

    await page.goto(`${api.baseUrl}/sections/${section.id}`);
    await page.getByRole('heading', { level: 1, name: section.title }).waitFor();
    const text = page.getByRole('textbox', { name: 'Section text' });
    await text.waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    // TipTap's own stylesheet made it into the page.
    expect(await page.locator('style[data-tiptap-style]').count()).toBe(1);

    await text.click();
    const line = 'Same-day urgent care in every town by 2027.';
    await page.keyboard.type(line);
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.reload();
    await page.getByRole('textbox', { name: 'Section text' }).getByText(line).waitFor();
    await page.screenshot({ path: artifactPath('security-policy-editor.png') });

    // The NHS.UK stylesheet names its Frutiger font on assets.nhs.uk; font-src keeps to our own
    // origin on purpose (no third-party requests), so the text falls back to Arial.
    expect(violations).toEqual([]);

    // The policy is enforced: a script injected into the page (as a cross-site script would be)
    // does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "ran"';
      document.body.append(script);
      return document.body.dataset.injected ?? 'blocked';
    });
    expect(ran).toBe('blocked');
  });
});
