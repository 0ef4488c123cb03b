import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  exportFormats,
  exportMimeTypes,
  type DraftExportSummary,
  type ExportFormat,
} from '@commonplan/domain';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import type { RequestContext } from '../common/request-context.js';
import { DraftsService } from '../drafts/drafts.service.js';
import type { PlanDraft } from '../drafts/plan-draft.entity.js';
import { QueueName } from '../jobs/job-names.js';
import { QueueService } from '../jobs/queue.service.js';
import type { PlanAccess } from '../plans/plans.service.js';
import { exportFileName } from './documents/export-document.js';
import { DraftExport } from './draft-export.entity.js';
import { exportJobId } from './draft-export.payload.js';
import { toDraftExportSummary } from './draft-export.view.js';
import { ExportQueue } from './export-queue.js';
import { exportError, ExportErrorCode } from './exports.errors.js';

/**
 * Exports of ready drafts as DOCX and PDF: asking for one (one per draft and format, so asking
 * again gives the same one), listing a draft's exports, downloading the file, and trying a failed
 * one again. The worker makes the files (`DraftExportJob`).
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(DraftExport) private readonly exports: Repository<DraftExport>,
    private readonly drafts: DraftsService,
    private readonly queues: QueueService,
    private readonly exportQueue: ExportQueue,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records the export as `queued` unless the draft already has one in that format, then queues
   * its job. The unique key (draft, format) makes two requests at once give one export; the job id
   * makes a second add a no-op, and mends a request whose process stopped before queueing.
   * Refused whole (503, nothing recorded) while the job queue does not answer; if it fails just
   * after the export is recorded, the worker's reconciliation queues it.
   */
  async request(
    draft: PlanDraft,
    planAccess: PlanAccess,
    format: ExportFormat,
    context: RequestContext,
  ): Promise<{ draftExport: DraftExportSummary; created: boolean }> {
    if (draft.status !== 'ready') throw exportError(ExportErrorCode.DraftNotReady);
    await this.queues.assertReachable();
    const created = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<Array<{ id: string }>>(
        `INSERT INTO draft_exports (draft_id, format, status, requested_by, file_name)
         VALUES ($1, $2, 'queued', $3, $4)
         ON CONFLICT ON CONSTRAINT draft_exports_draft_id_format_key DO NOTHING
         RETURNING id`,
        [
          draft.id,
          format,
          context.auth?.user.id ?? null,
          exportFileName(planAccess.plan.title, draft.number, format),
        ],
      );
      if (inserted.length === 0) return false;
      await this.audit.record(
        {
          action: 'draft.export_requested',
          entityType: 'plan',
          entityId: draft.planId,
          footprintId: planAccess.footprint.id,
          details: { draftId: draft.id, number: draft.number, format },
        },
        context,
        manager,
      );
      return true;
    });
    const draftExport = await this.summaryOf(draft.id, format);
    if (draftExport.status === 'queued' || draftExport.status === 'generating')
      await this.queues.enqueueRecorded({ exportId: draftExport.id }, () =>
        this.exportQueue.enqueue(draftExport.id, draft.id, format),
      );
    return { draftExport, created };
  }

  /** A draft's export in one format, as lists show it. */
  async summaryOf(draftId: string, format: ExportFormat): Promise<DraftExportSummary> {
    const draftExport = await this.exports.findOne({
      where: { draftId, format },
      relations: { requestedBy: true, draft: true },
    });
    if (!draftExport) throw exportError(ExportErrorCode.ExportNotFound);
    return toDraftExportSummary(draftExport, draftExport.draft.planId);
  }

  /** The draft's exports, one per format at most, in the order formats are offered. */
  async list(draft: PlanDraft): Promise<DraftExportSummary[]> {
    const found = await this.exports.find({
      where: { draftId: draft.id },
      relations: { requestedBy: true },
    });
    return exportFormats.flatMap((format) =>
      found
        .filter((draftExport) => draftExport.format === format)
        .map((draftExport) => toDraftExportSummary(draftExport, draft.planId)),
    );
  }

  /** Loads an export, checking the person may act on its draft; others are told it does not exist. */
  async load(
    auth: AuthContext,
    exportId: string,
  ): Promise<{ draftExport: DraftExport; draft: PlanDraft; planAccess: PlanAccess }> {
    const draftExport = await this.exports.findOne({
      where: { id: exportId },
      relations: { requestedBy: true },
    });
    if (!draftExport) throw exportError(ExportErrorCode.ExportNotFound);
    const { draft, planAccess } = await this.drafts
      .load(auth, draftExport.draftId, 'draft.read')
      .catch((error: unknown) => {
        if ((error as { status?: number }).status === 404)
          throw exportError(ExportErrorCode.ExportNotFound);
        throw error;
      });
    return { draftExport, draft, planAccess };
  }

  /** The finished file, with the name and type it is downloaded as. */
  async file(
    draftExport: DraftExport,
  ): Promise<{ file: Buffer; fileName: string; mimeType: string }> {
    if (draftExport.status !== 'ready') throw exportError(ExportErrorCode.NotReady);
    const [row] = await this.dataSource.query<Array<{ file: Buffer | null }>>(
      'SELECT file FROM draft_exports WHERE id = $1',
      [draftExport.id],
    );
    if (!row?.file) throw exportError(ExportErrorCode.NotReady);
    return {
      file: row.file,
      fileName: draftExport.fileName,
      mimeType: exportMimeTypes[draftExport.format],
    };
  }

  /**
   * Puts a failed export back in the queue, with its tries counted afresh: on the same job, or on a
   * new one when its job is gone or ended without making the file. While the job queue does not
   * answer the retry is refused and the export stays failed as it was.
   */
  async retry(
    draftExport: DraftExport,
    draft: PlanDraft,
    planAccess: PlanAccess,
    context: RequestContext,
  ): Promise<DraftExportSummary> {
    await this.queues.assertReachable();
    const failureReason = await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query<
        Array<{ status: string; failure_reason: string | null }>
      >('SELECT status, failure_reason FROM draft_exports WHERE id = $1 FOR UPDATE', [
        draftExport.id,
      ]);
      if (current?.status !== 'failed') throw exportError(ExportErrorCode.NotFailed);
      await manager.query(
        `UPDATE draft_exports SET status = 'queued', failure_reason = NULL WHERE id = $1`,
        [draftExport.id],
      );
      await this.audit.record(
        {
          action: 'draft.export_retried',
          entityType: 'plan',
          entityId: draft.planId,
          footprintId: planAccess.footprint.id,
          details: { draftId: draft.id, number: draft.number, format: draftExport.format },
        },
        context,
        manager,
      );
      return current.failure_reason;
    });
    try {
      await this.queues.requeue(QueueName.Exports, exportJobId(draft.id, draftExport.format), () =>
        this.exportQueue.enqueue(draftExport.id, draft.id, draftExport.format),
      );
    } catch (error) {
      // Redis went away after the check: the export stays failed as it was, not queued with no job.
      await this.dataSource.query(
        `UPDATE draft_exports SET status = 'failed', failure_reason = $2 WHERE id = $1 AND status = 'queued'`,
        [draftExport.id, failureReason],
      );
      throw error;
    }
    return this.summaryOf(draft.id, draftExport.format);
  }
}
