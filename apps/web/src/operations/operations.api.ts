import type { FailedJobsView } from '@commonplan/domain';
import { apiClient } from '../shared/api/api-client';

export function listFailedJobs(signal?: AbortSignal) {
  return apiClient.get<FailedJobsView>('/api/operations/failed-jobs', signal);
}
