import type { PublicFootprintView, PublicPlanView, PublicationSummary } from '@commonplan/domain';
import { apiClient } from '../shared/api/api-client';

/** Publishes a ready draft; publishing it again gives back the same publication. */
export function publishDraft(draftId: string) {
  return apiClient.post<PublicationSummary>(`/api/drafts/${draftId}/publish`);
}

export function listPublications(planId: string, signal?: AbortSignal) {
  return apiClient.get<PublicationSummary[]>(`/api/plans/${planId}/publications`, signal);
}

const publicFootprintPath = (footprintSlug: string) =>
  `/api/public/footprints/${encodeURIComponent(footprintSlug)}`;

export function getPublicFootprint(footprintSlug: string, signal?: AbortSignal) {
  return apiClient.get<PublicFootprintView>(publicFootprintPath(footprintSlug), signal);
}

/** The plan's latest publication, or the one numbered `number`. */
export function getPublicPlan(
  footprintSlug: string,
  planSlug: string,
  number: string | undefined,
  signal?: AbortSignal,
) {
  const plan = `${publicFootprintPath(footprintSlug)}/plans/${encodeURIComponent(planSlug)}`;
  return apiClient.get<PublicPlanView>(
    number === undefined ? plan : `${plan}/publications/${encodeURIComponent(number)}`,
    signal,
  );
}
