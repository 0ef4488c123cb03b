import type { PlanDashboardView } from '@commonplan/domain';
import { apiClient } from '../shared/api/api-client';

export function getPlanDashboard(planId: string, signal?: AbortSignal) {
  return apiClient.get<PlanDashboardView>(`/api/plans/${planId}/dashboard`, signal);
}
