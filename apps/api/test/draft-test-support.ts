import type { DraftSummary, DraftView } from '@commonplan/domain';
import { initialContentUpdate, type SectionJson } from '@commonplan/editor';
import type { ApiClient } from '@commonplan/testing';
import {
  startApi,
  unique,
  type Factories,
  type RunningApi,
  type TestPlan,
  type TestUser,
} from '@commonplan/testing';
import type pg from 'pg';
import { eventually } from './collab-test-client.js';

/**
 * What the drafts and exports tests share: an API and a worker on a Redis prefix of their own, a
 * lead with a plan whose sections hold text, and waiting for a draft to reach a status.
 */

export interface Setup {
  api: RunningApi;
  worker: RunningApi;
  env: Record<string, string>;
}

export async function startPair(
  extraEnv: Record<string, string> = {},
  name = 'drafts',
): Promise<Setup> {
  const env = {
    REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cp-test:'}${name}-${unique()}:`,
    DRAFTS_JOB_ATTEMPTS: '3',
    DRAFTS_RETRY_DELAY_MS: '50',
    DRAFTS_JOB_LOCK_MS: '1500',
    ...extraEnv,
  };
  const started = await Promise.allSettled([startApi({ env }), startApi({ entry: 'worker', env })]);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    for (const result of started) if (result.status === 'fulfilled') await result.value.stop();
    throw failed.reason;
  }
  const [api, worker] = started.map(
    (result) => (result as PromiseFulfilledResult<RunningApi>).value,
  ) as [RunningApi, RunningApi];
  return { api, worker, env };
}

/** Writes text into a section's log as the server writes starting text. */
export async function writeText(
  db: pg.Client,
  sectionId: string,
  json: SectionJson,
): Promise<void> {
  await db.query('INSERT INTO section_updates (section_id, update) VALUES ($1, $2)', [
    sectionId,
    Buffer.from(initialContentUpdate(json)),
  ]);
}

export async function waitForStatus(
  client: ApiClient,
  draftId: string,
  status: DraftSummary['status'],
  timeoutMs = 20_000,
): Promise<DraftView> {
  let last: DraftView | undefined;
  await eventually(async () => {
    last = (await client.get<DraftView>(`/api/drafts/${draftId}`)).body;
    return last.status === status;
  }, timeoutMs).catch(() => {
    throw new Error(`draft stayed ${last?.status} (${last?.failureReason ?? ''})`);
  });
  return last!;
}

export async function aLeadWithAPlan(
  make: Factories,
  db: pg.Client,
  sectionTexts: SectionJson[],
): Promise<{ lead: TestUser; plan: TestPlan; sectionIds: string[]; footprintId: string }> {
  const lead = await make.aUser();
  const footprint = await make.aFootprint({ members: { lead: [lead] } });
  const plan = await make.aPlan(footprint.id);
  const sectionIds: string[] = [];
  for (const [index, text] of sectionTexts.entries()) {
    const section = await make.aSection(plan.id, { title: `Section ${index + 1}` });
    await writeText(db, section.id, text);
    sectionIds.push(section.id);
  }
  return { lead, plan, sectionIds, footprintId: footprint.id };
}
