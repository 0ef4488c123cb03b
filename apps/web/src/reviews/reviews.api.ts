import type {
  ApprovalChangesView,
  ApprovalOutcome,
  ReviewDecision,
  SectionReviewView,
} from '@commonplan/domain';
import { apiClient } from '../shared/api/api-client';

export function getReview(sectionId: string, signal?: AbortSignal) {
  return apiClient.get<SectionReviewView>(`/api/sections/${sectionId}/review`, signal);
}

export function getApprovalChanges(sectionId: string, signal?: AbortSignal) {
  return apiClient.get<ApprovalChangesView>(`/api/sections/${sectionId}/review/changes`, signal);
}

export function requestReview(sectionId: string, reviewerIds: string[], note: string) {
  return apiClient.post<SectionReviewView>(`/api/sections/${sectionId}/review/request`, {
    reviewerIds,
    ...(note.trim() ? { note } : {}),
  });
}

export function decideReview(sectionId: string, decision: ReviewDecision, note: string) {
  return apiClient.post<SectionReviewView>(`/api/sections/${sectionId}/review/decision`, {
    decision,
    ...(note.trim() ? { note } : {}),
  });
}

export function reconsiderApproval(sectionId: string, outcome: ApprovalOutcome, note: string) {
  return apiClient.post<SectionReviewView>(`/api/sections/${sectionId}/review/approval`, {
    outcome,
    ...(note.trim() ? { note } : {}),
  });
}
