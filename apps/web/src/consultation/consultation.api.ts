import type {
  ConsultationDecision,
  ConsultationResponseStatus,
  ConsultationResponseView,
  ConsultationView,
  Page,
  PublicConsultationResponseBody,
  PublicConsultationResponseReceipt,
  PublicConsultationView,
} from '@commonplan/domain';
import { apiClient, withQuery } from '../shared/api/api-client';

function publicPath(footprintSlug: string, planSlug: string) {
  return `/api/public/footprints/${encodeURIComponent(footprintSlug)}/plans/${encodeURIComponent(planSlug)}/consultation`;
}

export function getPublicConsultation(
  footprintSlug: string,
  planSlug: string,
  signal?: AbortSignal,
) {
  return apiClient.get<PublicConsultationView>(publicPath(footprintSlug, planSlug), signal);
}

export function sendConsultationResponse(
  footprintSlug: string,
  planSlug: string,
  body: PublicConsultationResponseBody,
) {
  return apiClient.post<PublicConsultationResponseReceipt>(
    `${publicPath(footprintSlug, planSlug)}/responses`,
    body,
  );
}

export function getConsultation(planId: string, signal?: AbortSignal) {
  return apiClient.get<ConsultationView>(`/api/plans/${planId}/consultation`, signal);
}

export function setConsultationDates(planId: string, opensOn: string, closesOn: string) {
  return apiClient.put<ConsultationView>(`/api/plans/${planId}/consultation`, {
    opensOn,
    closesOn,
  });
}

export function closeConsultation(planId: string) {
  return apiClient.post<ConsultationView>(`/api/plans/${planId}/consultation/close`);
}

export interface ResponseFilter {
  status?: ConsultationResponseStatus;
  /** A section id, or `whole`. */
  section?: string;
}

export function listConsultationResponses(
  planId: string,
  filter: ResponseFilter,
  page: number,
  signal?: AbortSignal,
) {
  return apiClient.get<Page<ConsultationResponseView>>(
    withQuery(`/api/plans/${planId}/consultation/responses`, { ...filter, page, pageSize: 20 }),
    signal,
  );
}

export function responsesCsvUrl(planId: string, status?: ConsultationResponseStatus) {
  return withQuery(`/api/plans/${planId}/consultation/responses.csv`, { status });
}

export function decideConsultationResponse(
  planId: string,
  responseId: string,
  decision: ConsultationDecision,
) {
  return apiClient.post<ConsultationResponseView>(
    `/api/plans/${planId}/consultation/responses/${responseId}/decision`,
    { decision },
  );
}
