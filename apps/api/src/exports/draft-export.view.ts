import type { DraftExportSummary } from '@commonplan/domain';
import type { DraftExport } from './draft-export.entity.js';

export function toDraftExportSummary(draftExport: DraftExport, planId: string): DraftExportSummary {
  const ready = draftExport.status === 'ready';
  return {
    id: draftExport.id,
    draftId: draftExport.draftId,
    planId,
    format: draftExport.format,
    status: draftExport.status,
    failureReason: draftExport.status === 'failed' ? draftExport.failureReason : null,
    requestedBy: draftExport.requestedBy
      ? { id: draftExport.requestedBy.id, name: draftExport.requestedBy.name }
      : null,
    requestedAt: draftExport.requestedAt.toISOString(),
    readyAt: draftExport.readyAt?.toISOString() ?? null,
    fileName: draftExport.fileName,
    byteSize: ready ? draftExport.byteSize : null,
    downloadUrl: ready ? `/api/exports/${draftExport.id}/download` : null,
  };
}
