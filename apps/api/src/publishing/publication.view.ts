import type { PublicationSummary } from '@commonplan/domain';
import type { PlanPublication } from './plan-publication.entity.js';

/** The public page of a plan: the same address for every publication of it. */
export function publicPlanPath(footprintSlug: string, planSlug: string): string {
  return `/public/${encodeURIComponent(footprintSlug)}/${encodeURIComponent(planSlug)}`;
}

export function toPublicationSummary(
  publication: PlanPublication,
  draftNumber: number,
  publicPath: string,
): PublicationSummary {
  return {
    id: publication.id,
    planId: publication.planId,
    draftId: publication.draftId,
    draftNumber,
    number: publication.number,
    publishedAt: publication.publishedAt.toISOString(),
    publishedBy: publication.publishedBy
      ? { id: publication.publishedBy.id, name: publication.publishedBy.name }
      : null,
    publicPath,
  };
}
