import type {
  FootprintRole,
  FootprintSummary,
  FootprintView,
  MemberView,
  OrganisationKind,
  OrganisationView,
  Page,
} from '@commonplan/domain';
import { apiClient, withQuery } from '../shared/api/api-client';

export interface NewOrganisation {
  name: string;
  kind: OrganisationKind;
  odsCode?: string;
}

const footprintPath = (slug: string) => `/api/footprints/${encodeURIComponent(slug)}`;

export function listMyFootprints(page: number, signal?: AbortSignal) {
  return apiClient.get<Page<FootprintSummary>>(
    withQuery('/api/footprints', { page, pageSize: 20 }),
    signal,
  );
}

export function getFootprint(slug: string, signal?: AbortSignal) {
  return apiClient.get<FootprintView>(footprintPath(slug), signal);
}

export function listMembers(slug: string, page: number, pageSize: number, signal?: AbortSignal) {
  return apiClient.get<Page<MemberView>>(
    withQuery(`${footprintPath(slug)}/members`, { page, pageSize }),
    signal,
  );
}

export function changeMemberRole(slug: string, userId: string, role: FootprintRole) {
  return apiClient.patch<MemberView>(`${footprintPath(slug)}/members/${userId}`, { role });
}

export function removeMember(slug: string, userId: string) {
  return apiClient.delete(`${footprintPath(slug)}/members/${userId}`);
}

export function listOrganisations(
  slug: string,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) {
  return apiClient.get<Page<OrganisationView>>(
    withQuery(`${footprintPath(slug)}/organisations`, { page, pageSize }),
    signal,
  );
}

export function addOrganisation(slug: string, organisation: NewOrganisation) {
  return apiClient.post<OrganisationView>(`${footprintPath(slug)}/organisations`, organisation);
}
