import type { AuditEventView, Page } from '@commonplan/domain';
import { apiClient, withQuery } from '../shared/api/api-client';

import type { ActivityFilters } from './activity-filters';

export function listAuditEvents(
  slug: string,
  page: number,
  filters: ActivityFilters = {},
  signal?: AbortSignal,
) {
  return apiClient.get<Page<AuditEventView>>(
    withQuery(`/api/footprints/${encodeURIComponent(slug)}/audit`, {
      page,
      pageSize: 50,
      ...filters,
    }),
    signal,
  );
}
