import {
  demoFootprintSlug,
  demoPlanSlug,
  type Page as ApiPage,
  type PlanSummary,
} from '@commonplan/domain';
import type { ApiClient } from '@commonplan/testing';

/**
 * The seeded demo plan, found by its slug: other specs add plans to the demo footprint and the
 * list puts the most recently changed first, so "the first plan" depends on which ran before.
 */
export async function demoPlan(client: ApiClient): Promise<PlanSummary> {
  const plans = await client.get<ApiPage<PlanSummary>>(
    `/api/footprints/${demoFootprintSlug}/plans?pageSize=100`,
  );
  const plan = plans.body.items.find((candidate) => candidate.slug === demoPlanSlug);
  if (!plan) throw new Error(`the demo plan ${demoPlanSlug} is not among the footprint's plans`);
  return plan;
}
