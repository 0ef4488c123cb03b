import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExportFormat } from '@commonplan/domain';
import type { SectionJson } from '@commonplan/editor';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isLastAttempt, PoisonJobError, reasonWhenGivenUp } from '../jobs/job-failure.js';
import type { JobContext, JobHandler } from '../jobs/job-handler.js';
import { JobName } from '../jobs/job-names.js';
import { draftToDocx } from './documents/docx-export.js';
import {
  DamagedSectionError,
  formatDraftDate,
  sectionNode,
  type ExportDocument,
} from './documents/export-document.js';
import { draftToPdf } from './documents/pdf-export.js';
import type { DraftExportPayload } from './draft-export.payload.js';

const unexpectedFailure =
  'The export could not be made because of a problem on our side. Try again; if it fails again, tell your service operator.';

const writers: Record<ExportFormat, (document: ExportDocument) => Promise<Buffer>> = {
  docx: draftToDocx,
  pdf: draftToPdf,
};

interface ExportRow {
  draft_id: string;
  format: ExportFormat;
  status: string;
  plan_id: string;
  draft_status: string;
  number: number;
  label: string;
  requested_at: Date;
  plan_title: string;
  footprint_name: string;
}

/**
 * Makes a draft's export: reads the ready draft's stored section text (ProseMirror JSON), writes
 * the DOCX or PDF in memory, and stores the file with `ready` in one statement that only succeeds
 * while the export is still to be made (`queued` or `generating`). There is one row per draft and
 * format, so however often the job runs there is at most one file, and never half of one.
 */
@Injectable()
export class DraftExportJob implements JobHandler<JobName.DraftExport> {
  readonly name = JobName.DraftExport;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(
    { exportId }: DraftExportPayload,
    context: JobContext,
  ): Promise<{ skipped: string } | { bytes: number }> {
    const [row] = await this.dataSource.query<ExportRow[]>(
      `SELECT e.draft_id, e.format, e.status, d.plan_id, d.status AS draft_status, d.number,
              d.label, d.requested_at, p.title AS plan_title, f.name AS footprint_name
         FROM draft_exports e
         JOIN plan_drafts d ON d.id = e.draft_id
         JOIN plans p ON p.id = d.plan_id
         JOIN footprints f ON f.id = p.footprint_id
        WHERE e.id = $1`,
      [exportId],
    );
    if (!row) return { skipped: 'the export no longer exists' };
    if (row.status === 'ready' || row.status === 'failed')
      return { skipped: `the export is already ${row.status}` };
    const progress = (status: string) =>
      context.reportProgress({ exportId, draftId: row.draft_id, format: row.format, status });

    try {
      await this.dataSource.query(
        `UPDATE draft_exports SET status = 'generating', attempts = attempts + 1
          WHERE id = $1 AND status IN ('queued', 'generating')`,
        [exportId],
      );
      await progress('generating');
      if (row.draft_status !== 'ready')
        throw new PoisonJobError(
          'draft_not_ready',
          'The draft is not ready, so it cannot be exported.',
        );

      const file = await writers[row.format](await this.document(row));
      if (this.config.exports.pauseBeforeWriteMs > 0)
        await new Promise((resolve) => setTimeout(resolve, this.config.exports.pauseBeforeWriteMs));

      const [, written] = await this.dataSource.query<[unknown[], number]>(
        `UPDATE draft_exports
            SET status = 'ready', file = $2, byte_size = $3, ready_at = now(), failure_reason = NULL
          WHERE id = $1 AND status IN ('queued', 'generating')`,
        [exportId, file, file.length],
      );
      if (written !== 1) return { skipped: 'the export changed while it was being made' };
      await progress('ready');
      return { bytes: file.length };
    } catch (error) {
      const poison = error instanceof PoisonJobError;
      const reason = poison ? error.message : unexpectedFailure;
      if (!poison)
        this.logger.error(
          { event: 'export_failed_attempt', exportId, err: error },
          'export attempt failed',
        );
      if (poison || isLastAttempt(context)) await this.markFailed(exportId, reason, context);
      else
        await this.dataSource
          .query(
            `UPDATE draft_exports SET status = 'queued' WHERE id = $1 AND status = 'generating'`,
            [exportId],
          )
          .then(() => progress('queued'))
          .catch(() => undefined);
      throw error;
    }
  }

  /**
   * After BullMQ gave up on a job (its worker died too often), the export still says why. When
   * `handle` already marked it failed this changes nothing, so an export is marked once.
   */
  async failedForGood(
    { exportId }: DraftExportPayload,
    reason: string,
    context: JobContext,
  ): Promise<void> {
    await this.markFailed(
      exportId,
      reasonWhenGivenUp(reason, 'export', unexpectedFailure),
      context,
    );
  }

  /** The draft's title page details and its sections in order, read back into the editor's schema. */
  private async document(row: ExportRow): Promise<ExportDocument> {
    const sections = await this.dataSource.query<
      Array<{ title: string; content: SectionJson | null }>
    >(
      `SELECT title, content FROM plan_draft_sections
        WHERE draft_id = $1 ORDER BY position, section_id`,
      [row.draft_id],
    );
    try {
      return {
        planTitle: row.plan_title,
        footprintName: row.footprint_name,
        draftNumber: row.number,
        draftLabel: row.label,
        draftDate: formatDraftDate(row.requested_at),
        sections: sections.map((section) => ({
          title: section.title,
          content: sectionNode(section.title, section.content),
        })),
      };
    } catch (error) {
      // The draft's stored text never changes, so every try would fail the same way.
      if (error instanceof DamagedSectionError)
        throw new PoisonJobError(
          'damaged_text',
          `The section “${error.sectionTitle}” could not be exported: its stored text in this draft is damaged. Make a new draft, then export that.`,
        );
      throw error;
    }
  }

  private async markFailed(exportId: string, reason: string, context: JobContext): Promise<void> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[row]] = await this.dataSource.query<
      [Array<{ draft_id: string; format: ExportFormat }>, number]
    >(
      `UPDATE draft_exports SET status = 'failed', failure_reason = $2
        WHERE id = $1 AND status IN ('queued', 'generating')
        RETURNING draft_id, format`,
      [exportId, reason],
    );
    if (!row) return;
    this.logger.warn({ event: 'export_failed', exportId, reason }, 'export failed');
    await context.reportProgress({
      exportId,
      draftId: row.draft_id,
      format: row.format,
      status: 'failed',
    });
  }
}
