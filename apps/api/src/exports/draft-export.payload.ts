import { exportFormats, type ExportFormat } from '@commonplan/domain';

/** Which export to make. Everything else is re-read from PostgreSQL. */
export interface DraftExportPayload {
  exportId: string;
}

/**
 * The job id of a draft's export in one format: derived from the draft, so asking twice or
 * retrying never queues a second job for the same file.
 */
export function exportJobId(draftId: string, format: ExportFormat): string {
  return `export-${draftId}-${format}`;
}

/** The draft and format a job id belongs to, or null for a job id of another form. */
export function exportOfJob(
  jobId: string | undefined,
): { draftId: string; format: ExportFormat } | null {
  const match = /^export-([0-9a-f-]{36})-([a-z]+)$/.exec(jobId ?? '');
  const format = exportFormats.find((f) => f === match?.[2]);
  return match?.[1] && format ? { draftId: match[1], format } : null;
}
