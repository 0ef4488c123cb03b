import type { SectionTheme, SectionView } from '@commonplan/domain';
import { apiClient } from '../shared/api/api-client';

export interface NewSection {
  title: string;
  theme: SectionTheme;
  leadOrganisationId?: string;
}

export interface SectionChanges {
  title?: string;
  theme?: SectionTheme;
  leadOrganisationId?: string | null;
  authorIds?: string[];
  reviewerIds?: string[];
  /** YYYY-MM-DD, or null to clear it. */
  dueDate?: string | null;
}

export function listSections(planId: string, signal?: AbortSignal) {
  return apiClient.get<SectionView[]>(`/api/plans/${planId}/sections`, signal);
}

export function createSection(planId: string, section: NewSection) {
  return apiClient.post<SectionView>(`/api/plans/${planId}/sections`, section);
}

export function reorderSections(planId: string, sectionIds: string[]) {
  return apiClient.put<SectionView[]>(`/api/plans/${planId}/sections/order`, { sectionIds });
}

export function getSection(sectionId: string, signal?: AbortSignal) {
  return apiClient.get<SectionView>(`/api/sections/${sectionId}`, signal);
}

export function updateSection(sectionId: string, changes: SectionChanges) {
  return apiClient.patch<SectionView>(`/api/sections/${sectionId}`, changes);
}

export function deleteSection(sectionId: string) {
  return apiClient.delete(`/api/sections/${sectionId}`);
}
