import { defaultDemoPassword } from '@commonplan/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Where a spec opens its people: its browser, the contexts it closes afterwards, the API. */
export interface PeopleBrowser {
  browser: Browser;
  contexts: BrowserContext[];
  baseUrl: string;
  viewport?: { width: number; height: number };
}

/**
 * A page of its own (own cookies, so its own person) signed in through the sign-in form, as a
 * person does, and waiting on the footprints list. Its context is added to `contexts` to close.
 */
export async function openSignedInPage(
  { browser, contexts, baseUrl, viewport = { width: 1200, height: 1000 } }: PeopleBrowser,
  email: string,
  password: string = defaultDemoPassword,
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your footprints' }).waitFor();
  return page;
}
