import type {
  DraftComparison,
  DraftScheduleBody,
  DraftScheduleResponse,
  DraftScheduleView,
  DraftSectionText,
  DraftSummary,
  DraftView,
} from '@commonplan/domain';
import { apiClient, withQuery } from '../shared/api/api-client';

export function listDrafts(planId: string, signal?: AbortSignal) {
  return apiClient.get<DraftSummary[]>(`/api/plans/${planId}/drafts`, signal);
}

/**
 * Asks for a draft. The key is made once per form, so pressing the button again after a lost
 * answer gives back the same draft rather than a second one.
 */
export function requestDraft(planId: string, label: string, idempotencyKey: string) {
  return apiClient.post<DraftSummary>(
    `/api/plans/${planId}/drafts`,
    { label },
    { 'idempotency-key': idempotencyKey },
  );
}

export function getDraft(draftId: string, signal?: AbortSignal) {
  return apiClient.get<DraftView>(`/api/drafts/${draftId}`, signal);
}

/** One section's text as a ready draft holds it, in the editor's JSON form, to restore from. */
export function getDraftSectionText(draftId: string, sectionId: string, signal?: AbortSignal) {
  return apiClient.get<DraftSectionText>(`/api/drafts/${draftId}/sections/${sectionId}`, signal);
}

/** Tells the audit trail that this person restored the section's text from the draft. */
export function recordRestore(draftId: string, sectionId: string) {
  return apiClient.post<void>(`/api/drafts/${draftId}/sections/${sectionId}/restored`);
}

export function retryDraft(draftId: string) {
  return apiClient.post<DraftSummary>(`/api/drafts/${draftId}/retry`);
}

export function compareDrafts(planId: string, from: string, to: string, signal?: AbortSignal) {
  return apiClient.get<DraftComparison>(
    withQuery(`/api/plans/${planId}/drafts/compare`, { from, to }),
    signal,
  );
}

export function getDraftSchedule(planId: string, signal?: AbortSignal) {
  return apiClient.get<DraftScheduleResponse>(`/api/plans/${planId}/draft-schedule`, signal);
}

export function putDraftSchedule(planId: string, body: DraftScheduleBody) {
  return apiClient.put<DraftScheduleView>(`/api/plans/${planId}/draft-schedule`, body);
}

export function removeDraftSchedule(planId: string) {
  return apiClient.delete(`/api/plans/${planId}/draft-schedule`);
}
