import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ApiClient,
  artifactPath,
  connectTestDatabase,
  factories,
  launchChromium,
  signedIn,
  startApi,
  type Factories,
  type RunningApi,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openSignedInPage } from './signed-in-page.js';

/** A person's own account page: changing the password, and signing out of every device. */
describe('your account', () => {
  let api: RunningApi;
  let db: pg.Client;
  let f: Factories;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    api = await startApi({ env: { SMTP_URL: '' } });
    db = await connectTestDatabase();
    f = factories(db);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
    await api?.stop();
  });

  async function accountPage(user: TestUser): Promise<Page> {
    const page = await openSignedInPage(
      { browser, contexts, baseUrl: api.baseUrl },
      user.email,
      user.password,
    );
    await page.getByRole('link', { name: `Your account: signed in as ${user.name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    return page;
  }

  it('refuses a common new password with a clear message, then changes it and keeps you signed in', async () => {
    const user = await f.aUser({ name: 'Pat Password' });
    const elsewhere = await signedIn(new ApiClient(api.baseUrl), user);
    const page = await accountPage(user);

    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password').fill('qwertyuiop');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /one of the most commonly used/ })
      .waitFor();

    await page.getByLabel('New password').fill('heron marmalade tuesday violin');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed').waitFor();
    await page.screenshot({ path: artifactPath('account-password-changed.png') });

    // This browser is still signed in; the other session has ended.
    await page.goto(`${api.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Your footprints' }).waitFor();
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    await new ApiClient(api.baseUrl).signIn(user.email, 'heron marmalade tuesday violin');
  });

  it('signs you out of every device at once', async () => {
    const user = await f.aUser({ name: 'Sam Everywhere' });
    const elsewhere = await signedIn(new ApiClient(api.baseUrl), user);
    const page = await accountPage(user);

    await page.getByRole('button', { name: 'Sign out of every device' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Commonplan' }).waitFor();
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    await page.goto(`${api.baseUrl}/account`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Commonplan' }).waitFor();
  });
});
