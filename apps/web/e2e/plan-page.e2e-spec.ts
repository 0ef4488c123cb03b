import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  defaultDemoPassword,
  demoAccounts,
  demoFootprintSlug,
  type FootprintView,
  type MemberView,
  type OrganisationView,
  type Page as ApiPage,
  type PlanSummary,
  type PlanView,
} from '@commonplan/domain';
import {
  ApiClient,
  artifactPath,
  launchChromium,
  startApi,
  type RunningApi,
} from '@commonplan/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoPlan } from './demo-plan.js';

/**
 * The plan page in a real browser: the built client served by the built API, against the seeded
 * demo partnership. What is asserted is what a person would see.
 */
describe('the plan page', () => {
  let api: RunningApi;
  let browser: Browser;
  let footprint: FootprintView;
  let plan: PlanSummary;
  let organisations: OrganisationView[];
  let lead: MemberView;
  let leadClient: ApiClient;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    api = await startApi({ env: { SEED_DEMO: 'true', DEMO_PASSWORD: defaultDemoPassword } });
    browser = await launchChromium();
    const client = new ApiClient(api.baseUrl);
    await client.signIn(demoAccounts.lead, defaultDemoPassword);
    leadClient = client;
    footprint = (await client.get<FootprintView>(`/api/footprints/${demoFootprintSlug}`)).body;
    plan = await demoPlan(client);
    organisations = (
      await client.get<ApiPage<OrganisationView>>(
        `/api/footprints/${demoFootprintSlug}/organisations?pageSize=100`,
      )
    ).body.items;
    const members = await client.get<ApiPage<MemberView>>(
      `/api/footprints/${demoFootprintSlug}/members?pageSize=100`,
    );
    lead = members.body.items.find((member) => member.email === demoAccounts.lead)!;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await api?.stop();
  });

  async function signedInPage(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Commonplan' }).waitFor();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(defaultDemoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your footprints' }).waitFor();
    return page;
  }

  it('lets a lead open the plan from their footprints and add a section under its theme', async () => {
    const page = await signedInPage(demoAccounts.lead);
    expect(await page.title()).toBe('Your footprints – Commonplan');

    await page.getByRole('link', { name: footprint.name }).click();
    await page.getByRole('heading', { level: 1, name: footprint.name }).waitFor();
    // The demo's population is made up, and the page says so.
    await page.getByText(/^[\d,]+ \(illustrative figure\)$/).waitFor();
    const organisationsTable = page.getByRole('table', { name: 'Member organisations' });
    for (const organisation of organisations)
      await organisationsTable
        .getByRole('cell', { name: organisation.name, exact: true })
        .waitFor();
    await page
      .getByRole('table', { name: 'Members' })
      .getByRole('cell', { name: `${lead.name} (you)` })
      .waitFor();

    await page.getByRole('link', { name: plan.title }).click();
    await page.getByRole('heading', { level: 1, name: plan.title }).waitFor();
    await page.getByRole('heading', { name: 'Sections', exact: true }).waitFor();
    expect(await page.title()).toBe(`${plan.title} – Commonplan`);
    expect(await page.getByText('Drafting', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('table').getByRole('link').first().waitFor();
    expect(await page.getByRole('table').getByRole('link').count()).toBe(plan.sectionCount);

    const title = 'Children and young people’s mental health';
    const leadOrganisation = organisations[0]!;
    await page.getByLabel('Section title').fill(title);
    await page.getByLabel('Theme').selectOption({ label: 'Health and wellbeing' });
    await page
      .getByLabel('Lead organisation (optional)')
      .selectOption({ label: leadOrganisation.name });
    await page.getByRole('button', { name: 'Add the section' }).click();

    await page.getByText(`You added “${title}” at the end of the plan.`).waitFor();
    const healthAndWellbeing = page.getByRole('region', { name: 'Health and wellbeing' });
    await healthAndWellbeing.getByRole('link', { name: title }).waitFor();
    const row = healthAndWellbeing.getByRole('row').filter({ hasText: title });
    expect(await row.getByText(leadOrganisation.name).isVisible()).toBe(true);
    expect(await row.getByText('Draft', { exact: true }).isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('plan-page.png'), fullPage: true });

    await page.reload();
    await page
      .getByRole('region', { name: 'Health and wellbeing' })
      .getByRole('link', { name: title })
      .waitFor();
  });

  it('lets a lead move a section down with the keyboard, and keeps the new order', async () => {
    const page = await signedInPage(demoAccounts.lead);
    await page.goto(`${api.baseUrl}/plans/${plan.id}`);
    const group = page.getByRole('region', { name: 'Care and quality' });
    await group.getByRole('link').first().waitFor();
    const before = await group.getByRole('link').allTextContents();

    await group.getByRole('button', { name: `Move down ${before[0]}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Moved “${before[0]}” down: now 2 of ${before.length}`).waitFor();
    const moved = [before[1], before[0], ...before.slice(2)];
    expect(await group.getByRole('link').allTextContents()).toEqual(moved);

    await page.reload();
    await group.getByRole('link').first().waitFor();
    expect(await group.getByRole('link').allTextContents()).toEqual(moved);
  });

  it('does not offer a viewer the "Add a section" form or any way to change the plan', async () => {
    const page = await signedInPage(demoAccounts.viewer);
    await page.goto(`${api.baseUrl}/plans/${plan.id}`);
    await page.getByRole('heading', { level: 1, name: plan.title }).waitFor();
    await page
      .getByRole('region', { name: 'Care and quality' })
      .getByRole('link')
      .first()
      .waitFor();

    expect(await page.getByRole('heading', { name: 'Add a section' }).count()).toBe(0);
    expect(await page.getByLabel('Section title').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Move (up|down)/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start consultation' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Change plan details' }).count()).toBe(0);
  });

  it('lets a lead rename a plan and change its period, and names the period when it runs backwards', async () => {
    // A plan of its own, so the demo plan the other tests read keeps its title.
    const created = await leadClient.post<PlanView>(`/api/footprints/${demoFootprintSlug}/plans`, {
      title: 'Winter resilience plan',
      kind: 'other',
      periodStart: '2016/17',
      periodEnd: '2017/18',
    });
    expect(created.status).toBe(201);
    const newTitle = 'Winter resilience and recovery plan';
    const page = await signedInPage(demoAccounts.lead);
    await page.goto(`${api.baseUrl}/plans/${created.body.id}`);
    await page.getByRole('heading', { level: 1, name: 'Winter resilience plan' }).waitFor();

    await page.getByRole('button', { name: 'Change plan details' }).click();
    const form = page.getByRole('form', { name: 'Change plan details' });
    await form.waitFor();
    await form.getByLabel('Title').fill(newTitle);
    await form.getByLabel('Kind of plan').selectOption({ label: 'Integrated care strategy' });
    await form.getByLabel('First year').fill('2018/19');
    await form.getByLabel('Last year').fill('2022/23');
    await form.getByRole('button', { name: 'Save changes' }).click();

    await page.getByText('Your changes to the plan have been saved.').waitFor();
    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    expect(await form.count()).toBe(0);
    expect(await page.getByText('2018/19 to 2022/23', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('Integrated care strategy', { exact: true }).isVisible()).toBe(
      true,
    );
    expect(await page.title()).toBe(`${newTitle} – Commonplan`);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    expect(await page.getByText('2018/19 to 2022/23', { exact: true }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Change plan details' }).click();
    await form.getByLabel('First year').fill('2020/21');
    await form.getByLabel('Last year').fill('2019/20');
    await form.getByRole('button', { name: 'Save changes' }).click();

    const summary = form.getByRole('alert').filter({ hasText: 'There is a problem' });
    const periodError = summary.getByRole('link', {
      name: 'The period cannot end before it starts: enter a last year of 2020/21 or later',
    });
    await periodError.waitFor();
    expect(await page.title()).toBe(`Error: ${newTitle} – Commonplan`);
    await periodError.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await form.getByLabel('Last year').getAttribute('id'),
    );

    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Change plan details' }).waitFor();
    expect(await page.title()).toBe(`${newTitle} – Commonplan`);
    const saved = await leadClient.get<PlanView>(`/api/plans/${created.body.id}`);
    expect(saved.body).toMatchObject({
      title: newTitle,
      kind: 'integrated_care_strategy',
      periodStart: '2018/19',
      periodEnd: '2022/23',
    });
  });
});
