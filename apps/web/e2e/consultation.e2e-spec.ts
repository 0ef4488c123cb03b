import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  defaultDemoPassword,
  demoAccounts,
  demoFootprintSlug,
  londonDate,
  type DraftSummary,
  type DraftView,
  type PlanSummary,
} from '@commonplan/domain';
import {
  useOwnDatabase,
  ApiClient,
  artifactPath,
  launchChromium,
  startApi,
  unique,
  type RunningApi,
} from '@commonplan/testing';
import type { Browser, BrowserContext } from 'playwright-core';

useOwnDatabase();

/**
 * Public consultation in a real browser: someone who is not signed in responds to a published
 * draft on the public form; the lead reads the response, accepts it with the keyboard, and sees it
 * counted on the dashboard. The plan is the test's own, on the seeded demo partnership.
 */
describe('consultation in the browser', () => {
  let api: RunningApi;
  let worker: RunningApi;
  let browser: Browser;
  let plan: PlanSummary;
  let lead: ApiClient;
  const contexts: BrowserContext[] = [];
  const responseText = `Please keep the minor injuries unit open at weekends (${unique()}).`;

  beforeAll(async () => {
    const env = {
      SEED_DEMO: 'true',
      DEMO_PASSWORD: defaultDemoPassword,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}consultation-e2e-${unique()}:`,
      CONSULTATION_MIN_FILL_SECONDS: '1',
    };
    [api, worker] = await Promise.all([startApi({ env }), startApi({ entry: 'worker', env })]);
    browser = await launchChromium();
    lead = new ApiClient(api.baseUrl);
    await lead.signIn(demoAccounts.lead, defaultDemoPassword);
    plan = (
      await lead.post<PlanSummary>(`/api/footprints/${demoFootprintSlug}/plans`, {
        title: `Integrated care strategy ${unique()}`,
        kind: 'integrated_care_strategy',
        periodStart: '2025/26',
        periodEnd: '2029/30',
      })
    ).body;
    for (const [title, theme] of [
      ['Mental health', 'care_and_quality'],
      ['Urgent care', 'care_and_quality'],
    ] as const)
      await lead.post(`/api/plans/${plan.id}/sections`, { title, theme });
    const draft = (
      await lead.post<DraftSummary>(`/api/plans/${plan.id}/drafts`, { label: 'For the public' })
    ).body;
    const deadline = Date.now() + 40_000;
    while ((await lead.get<DraftView>(`/api/drafts/${draft.id}`)).body.status !== 'ready') {
      if (Date.now() > deadline) throw new Error('the draft was not made in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await lead.post(`/api/drafts/${draft.id}/publish`)).status).toBe(201);
    const today = londonDate(new Date());
    const inTwoWeeks = londonDate(new Date(Date.now() + 14 * 86_400_000));
    expect(
      (
        await lead.put(`/api/plans/${plan.id}/consultation`, {
          opensOn: today,
          closesOn: inTwoWeeks,
        })
      ).status,
    ).toBe(200);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await Promise.all([api?.stop(), worker?.stop()]);
  });

  async function newPage() {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
    contexts.push(context);
    return context.newPage();
  }

  it('lets someone who is not signed in find the form on the public page and respond on one section, after correcting what they missed', async () => {
    const page = await newPage();
    await page.goto(`${api.baseUrl}/public/${demoFootprintSlug}/${plan.slug}`);
    const callout = page.getByTestId('consultation-callout');
    await callout.getByText('You can respond until').waitFor();
    await page.screenshot({ path: artifactPath('consultation-public-page.png') });
    await callout.getByRole('link', { name: 'Respond to this draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Respond to this draft' }).waitFor();

    await page.getByRole('button', { name: 'Send response' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByText('Select who you are responding as').waitFor();
    await summary.getByText('Enter your response').waitFor();
    await page.screenshot({ path: artifactPath('consultation-form-errors.png'), fullPage: true });

    await page.getByLabel('On behalf of an organisation').check();
    await page.getByLabel('Name of the organisation').fill('Wiltshire Carers Network');
    await page.getByLabel('What are you responding about?').selectOption({ label: 'Urgent care' });
    await page.getByLabel('Your response').fill(responseText);
    await page
      .getByText(
        `You have ${(5000 - responseText.length).toLocaleString('en-GB')} characters remaining`,
      )
      .waitFor();
    await page.getByLabel('Email address (optional)').fill('carers@example.org');
    await page.waitForTimeout(1_100);
    await page.getByRole('button', { name: 'Send response' }).click();

    await page.getByRole('heading', { level: 1, name: 'Response sent' }).waitFor();
    await page.getByText('will read your response before it is counted').waitFor();
    await page.screenshot({ path: artifactPath('consultation-response-sent.png'), fullPage: true });
  });

  it('lets the lead accept the response from the keyboard and see it counted on the dashboard', async () => {
    const page = await newPage();
    await page.goto(`${api.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(demoAccounts.lead);
    await page.getByLabel('Password').fill(defaultDemoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your footprints' }).waitFor();

    await page.goto(`${api.baseUrl}/plans/${plan.id}`);
    await page.getByRole('link', { name: 'Public consultation on this plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Consultation' }).waitFor();
    const card = page.locator('.nhsuk-card', { hasText: responseText });
    await card.getByText('Waiting for a decision').waitFor();
    await card.getByText('Wiltshire Carers Network').waitFor();
    await page.screenshot({ path: artifactPath('consultation-moderation.png'), fullPage: true });

    await card.getByRole('button', { name: 'Accept' }).focus();
    await page.keyboard.press('Enter');
    await card.getByText('Accepted', { exact: true }).waitFor();
    await page.getByRole('status').getByText('Accepted the response on Urgent care.').waitFor();

    await page.goto(`${api.baseUrl}/plans/${plan.id}/dashboard`);
    await page.getByRole('heading', { name: 'Public consultation' }).waitFor();
    await page.getByText('1 accepted, 0 waiting for a decision').waitFor();
    await page.getByText('Responses by section: the figures as a table').click();
    const row = page
      .getByRole('table', { name: 'Responses by section' })
      .getByRole('row', { name: /Urgent care/ });
    expect(await row.locator('td').allTextContents()).toEqual(['1', '0']);
    await page.screenshot({ path: artifactPath('consultation-dashboard.png'), fullPage: true });
  });
});
