import type { DraftExportSummary, ExportFormat } from '@commonplan/domain';
import { apiClient } from '../shared/api/api-client';

export function listDraftExports(draftId: string, signal?: AbortSignal) {
  return apiClient.get<DraftExportSummary[]>(`/api/drafts/${draftId}/exports`, signal);
}

/** Asks for the draft as a file; asking again gives back the same export. */
export function requestDraftExport(draftId: string, format: ExportFormat) {
  return apiClient.post<DraftExportSummary>(`/api/drafts/${draftId}/exports`, { format });
}

export function retryDraftExport(exportId: string) {
  return apiClient.post<DraftExportSummary>(`/api/exports/${exportId}/retry`);
}
