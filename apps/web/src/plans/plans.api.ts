import type { Page, PlanKind, PlanStatus, PlanSummary, PlanView } from '@commonplan/domain';
import { apiClient, withQuery } from '../shared/api/api-client';

export interface NewPlan {
  title: string;
  kind: PlanKind;
  periodStart: string;
  periodEnd: string;
}

export function listPlans(slug: string, page: number, signal?: AbortSignal) {
  return apiClient.get<Page<PlanSummary>>(
    withQuery(`/api/footprints/${encodeURIComponent(slug)}/plans`, { page, pageSize: 20 }),
    signal,
  );
}

export function createPlan(slug: string, plan: NewPlan) {
  return apiClient.post<PlanView>(`/api/footprints/${encodeURIComponent(slug)}/plans`, plan);
}

export function getPlan(planId: string, signal?: AbortSignal) {
  return apiClient.get<PlanView>(`/api/plans/${planId}`, signal);
}

export function updatePlan(planId: string, changes: Partial<NewPlan>) {
  return apiClient.patch<PlanView>(`/api/plans/${planId}`, changes);
}

export function changePlanStatus(planId: string, status: PlanStatus) {
  return apiClient.post<PlanView>(`/api/plans/${planId}/status`, { status });
}
