import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  defaultDemoPassword,
  demoAccounts,
  demoFootprintSlug,
  type PlanSummary,
} from '@commonplan/domain';
import {
  useOwnDatabase,
  ApiClient,
  artifactPath,
  connectTestDatabase,
  launchChromium,
  startApi,
  unique,
  type RunningApi,
} from '@commonplan/testing';
import type pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openSignedInPage } from './signed-in-page.js';

useOwnDatabase();

/**
 * A lead sets a plan's draft schedule on the drafts page, the worker makes the draft when it falls
 * due, and the lead is told in the notifications bell and page, with a link to the draft. The
 * schedule is made due by moving its next run into the past in PostgreSQL.
 */
describe('drafts on a schedule in the browser', () => {
  let api: RunningApi;
  let worker: RunningApi;
  let browser: Browser;
  let db: pg.Client;
  let plan: PlanSummary;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const env = {
      SEED_DEMO: 'true',
      DEMO_PASSWORD: defaultDemoPassword,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}schedule-e2e-${unique()}:`,
      DRAFT_SCHEDULES_CHECK_SECONDS: '1',
    };
    api = await startApi({ env, timeoutMs: 90_000 });
    worker = await startApi({ entry: 'worker', env, timeoutMs: 60_000 });
    browser = await launchChromium();
    db = await connectTestDatabase();
    const lead = new ApiClient(api.baseUrl);
    await lead.signIn(demoAccounts.lead, defaultDemoPassword);
    plan = (
      await lead.post<PlanSummary>(`/api/footprints/${demoFootprintSlug}/plans`, {
        title: `Scheduled plan ${unique()}`,
        kind: 'joint_forward_plan',
        periodStart: '2025/26',
        periodEnd: '2029/30',
      })
    ).body;
    for (const title of ['Prevention', 'Workforce'])
      await lead.post(`/api/plans/${plan.id}/sections`, { title, theme: 'other' });
  }, 200_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
    await Promise.all([api?.stop(), worker?.stop()]);
  });

  function signedInPage(email: string): Promise<Page> {
    return openSignedInPage({ browser, contexts, baseUrl: api.baseUrl }, email);
  }

  it('lets a lead set a schedule, see its next run, and be told when the scheduled draft is ready', async () => {
    const page = await signedInPage(demoAccounts.lead);
    await page.goto(`${api.baseUrl}/plans/${plan.id}/drafts`);
    await page.getByRole('heading', { level: 2, name: 'Drafts on a schedule' }).waitFor();
    await page.getByText('This plan has no schedule').waitFor();

    // No day chosen: the form says so and sends nothing.
    const form = page.getByRole('form', { name: 'Set a schedule' });
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      await form.getByLabel(day).uncheck();
    await form.getByRole('button', { name: 'Set the schedule' }).click();
    await page.getByRole('alert').getByText('Choose at least one day').waitFor();

    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      await form.getByLabel(day).check();
    await form.getByLabel('Time').fill('18:00');
    expect(await form.getByLabel('Only if the plan changed since its last draft').isChecked()).toBe(
      true,
    );
    await form.getByRole('button', { name: 'Set the schedule' }).click();
    const next = page.getByTestId('next-scheduled-draft');
    await next.waitFor();
    expect(await next.innerText()).toMatch(
      /^Next scheduled draft: (Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} \w+ \d{4} at 6:00pm$/,
    );
    await page
      .getByText(
        'A draft is made every weekday at 18:00 (UK time), if the plan changed since its last draft.',
      )
      .waitFor();
    await page.screenshot({ path: artifactPath('draft-schedule.png'), fullPage: true });

    // Time passes: the schedule falls due, and the worker makes the draft.
    await db.query(
      `UPDATE draft_schedules SET next_run_at = now() - interval '1 second' WHERE plan_id = $1`,
      [plan.id],
    );
    const row = page.getByRole('row').filter({ hasText: 'Scheduled draft,' });
    await row.getByText('Ready').waitFor({ timeout: 30_000 });
    expect(await row.getByText('Scheduled', { exact: true }).isVisible()).toBe(true);

    // The bell counts it, live; the notifications page links to the draft.
    await page.getByTestId('unread-count').waitFor({ timeout: 10_000 });
    await page.getByRole('link', { name: /^Notifications/ }).click();
    const link = page.getByRole('link', {
      name: /^Scheduled draft 1 of “Scheduled plan .*” is ready$/,
    });
    await link.waitFor();
    await page.screenshot({ path: artifactPath('draft-ready-notification.png'), fullPage: true });
    await link.click();
    await page.getByRole('heading', { level: 1, name: /Scheduled draft,/ }).waitFor();
  }, 120_000);
});
