import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  defaultDemoPassword,
  demoAccounts,
  demoFootprintSlug,
  type DraftSummary,
  type Page,
  type PlanSummary,
  type SectionView,
} from '@commonplan/domain';
import { DraftClientEvent, DraftServerEvent, type WatchDraftsAck } from '@commonplan/protocol';
import { ApiClient, startApi, unique, type RunningApi, useOwnDatabase } from '@commonplan/testing';
import { connectSocket, emitWithAck, eventually } from './collab-test-client.js';

useOwnDatabase();

/**
 * The drafts browser test once watched a draft of "the demo plan" right after the plan-page
 * browser test had added and moved sections, and never saw its progress bar move. This follows
 * the same steps over REST and socket.io on the seeded demo partnership: the progress of a demo
 * plan draft is relayed whatever was added or moved, and what the old test took for the demo plan
 * was the first plan of a list ordered by recent activity, by then a plan with one section.
 */
describe('draft progress on the demo plan after its sections changed', () => {
  let api: RunningApi;
  let worker: RunningApi;
  let lead: ApiClient;

  beforeAll(async () => {
    const env = {
      SEED_DEMO: 'true',
      DEMO_PASSWORD: defaultDemoPassword,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}demo-progress-${unique()}:`,
      DRAFTS_PAUSE_PER_SECTION_MS: '50',
    };
    api = await startApi({ env, timeoutMs: 90_000 });
    worker = await startApi({ entry: 'worker', env, timeoutMs: 60_000 });
    lead = new ApiClient(api.baseUrl);
    await lead.signIn(demoAccounts.lead, defaultDemoPassword);
  }, 200_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
  });

  const plansByActivity = async () =>
    (await lead.get<Page<PlanSummary>>(`/api/footprints/${demoFootprintSlug}/plans`)).body.items;

  it('relays every step of a demo plan draft after sections were added and moved, and the newest-changed plan is not the demo plan', async () => {
    const demoPlan = (await plansByActivity())[0]!;
    // What the plan-page browser test does: add a section, move one, then make and rename a plan.
    await lead.post(`/api/plans/${demoPlan.id}/sections`, {
      title: 'Children and young people’s mental health',
      theme: 'health_and_wellbeing',
    });
    const ids = (await lead.get<SectionView[]>(`/api/plans/${demoPlan.id}/sections`)).body.map(
      (section) => section.id,
    );
    await lead.put(`/api/plans/${demoPlan.id}/sections/order`, {
      sectionIds: [ids[1], ids[0], ...ids.slice(2)],
    });
    const winter = (
      await lead.post<PlanSummary>(`/api/footprints/${demoFootprintSlug}/plans`, {
        title: 'Winter resilience plan',
        kind: 'other',
        periodStart: '2016/17',
        periodEnd: '2017/18',
      })
    ).body;
    await lead.patch(`/api/plans/${winter.id}`, { title: 'Winter resilience and recovery plan' });

    // "The first plan" is now the plan changed last, with no sections: a draft of it, after the
    // old test added its one section, goes from 0 of 1 straight to 1 of 1, never in between.
    expect((await plansByActivity())[0]!.id).toBe(winter.id);

    const socket = await connectSocket(api.baseUrl, { cookie: lead.sessionCookie });
    const events: DraftSummary[] = [];
    socket.on(DraftServerEvent.Changed, (draft: DraftSummary) => events.push(draft));
    const ack = await emitWithAck<WatchDraftsAck>(socket, DraftClientEvent.Watch, {
      planId: demoPlan.id,
    });
    expect(ack).toEqual({ ok: true, planId: demoPlan.id });
    const draft = (
      await lead.post<DraftSummary>(`/api/plans/${demoPlan.id}/drafts`, { label: 'Demo' })
    ).body;
    expect(draft.sectionsTotal).toBe(ids.length);
    await eventually(() => events.some((e) => e.id === draft.id && e.status === 'ready'), 60_000);
    socket.close();
    const steps = events
      .filter((e) => e.id === draft.id && e.status === 'generating')
      .map((e) => e.sectionsDone);
    expect(steps.some((done) => done > 0 && done < draft.sectionsTotal)).toBe(true);
  }, 120_000);
});
