import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import {
  diffDrafts,
  MissingChangesError,
  renderSection,
  SectionStateError,
  type DiffSummary,
  type RenderedSection,
  type TextBlock,
} from '@commonplan/render';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isLastAttempt, PoisonJobError, reasonWhenGivenUp } from '../jobs/job-failure.js';
import type { JobContext, JobHandler } from '../jobs/job-handler.js';
import { JobName } from '../jobs/job-names.js';
import { NotificationEmails } from '../notifications/notification-emails.js';
import type { Notification } from '../notifications/notification.entity.js';
import type { DraftGeneratePayload } from './draft-generate.payload.js';
import { DraftNotices } from './draft-notices.js';

const unexpectedFailure =
  'The draft could not be made because of a problem on our side. Try again; if it fails again, tell your service operator.';

interface SourceRow {
  section_id: string;
  title: string;
  source_updates: Buffer[];
}

/**
 * Makes a draft: renders each section's text as it was when the draft was asked for, compares the
 * result with the previous ready draft, and stores it all with the status `ready` in one
 * transaction. Re-reads the draft first and stops when it is already ready, so a retried or
 * repeated job never writes a second result.
 */
@Injectable()
export class DraftGenerateJob implements JobHandler<JobName.DraftGenerate> {
  readonly name = JobName.DraftGenerate;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly notices: DraftNotices,
    private readonly emails: NotificationEmails,
  ) {}

  async handle(
    { draftId }: DraftGeneratePayload,
    context: JobContext,
  ): Promise<{ skipped: string } | { sections: number; words: number }> {
    const [draft] = await this.dataSource.query<
      Array<{ plan_id: string; number: number; status: string; sections_total: number }>
    >('SELECT plan_id, number, status, sections_total FROM plan_drafts WHERE id = $1', [draftId]);
    if (!draft) return { skipped: 'the draft no longer exists' };
    if (draft.status === 'ready' || draft.status === 'failed')
      return { skipped: `the draft is already ${draft.status}` };
    const progress = (sectionsDone: number, status: string) =>
      context.reportProgress({
        draftId,
        planId: draft.plan_id,
        status,
        sectionsDone,
        sectionsTotal: draft.sections_total,
      });

    try {
      await this.dataSource.query(
        `UPDATE plan_drafts
            SET status = 'generating', started_at = now(), sections_done = 0, attempts = attempts + 1
          WHERE id = $1 AND status IN ('queued', 'generating')`,
        [draftId],
      );
      await progress(0, 'generating');

      const sources = await this.dataSource.query<SourceRow[]>(
        `SELECT section_id, title, source_updates FROM plan_draft_sections
          WHERE draft_id = $1 ORDER BY position, section_id`,
        [draftId],
      );
      const rendered: Array<{ sectionId: string; title: string; section: RenderedSection }> = [];
      for (const source of sources) {
        let section: RenderedSection;
        try {
          section = await this.renderCopied(source);
        } catch (error) {
          // The stored text stays as damaged however often it is read: no retry can help.
          if (error instanceof SectionStateError)
            throw new PoisonJobError(
              'damaged_text',
              `The section “${source.title}” could not be rendered: ${error.message}. Ask the service operator to restore it, then try again.`,
            );
          throw error;
        }
        rendered.push({ sectionId: source.section_id, title: source.title, section });
        await this.dataSource.query('UPDATE plan_drafts SET sections_done = $2 WHERE id = $1', [
          draftId,
          rendered.length,
        ]);
        await progress(rendered.length, 'generating');
        if (this.config.drafts.pausePerSectionMs > 0)
          await new Promise((resolve) => setTimeout(resolve, this.config.drafts.pausePerSectionMs));
      }

      const changes = await this.changesSincePrevious(draft.plan_id, draft.number, rendered);
      const words = rendered.reduce((total, entry) => total + entry.section.words, 0);
      const written = await this.dataSource.transaction(async (manager) => {
        const [current] = await manager.query<Array<{ status: string }>>(
          'SELECT status FROM plan_drafts WHERE id = $1 FOR UPDATE',
          [draftId],
        );
        // `queued` too: another run of this draft (its job queued again after Redis lost it) may
        // have failed meanwhile and set it back; the copied text is the same, so the result stands.
        if (current?.status !== 'generating' && current?.status !== 'queued') return null;
        await manager.query(
          `UPDATE plan_draft_sections AS s
              SET yjs_state = r.yjs_state, content = r.content, blocks = r.blocks, html = r.html,
                  markdown = r.markdown, words = r.words, source_updates = '{}'
             FROM unnest($2::uuid[], $3::bytea[], $4::jsonb[], $5::jsonb[], $6::text[], $7::text[], $8::int[])
                  AS r(section_id, yjs_state, content, blocks, html, markdown, words)
            WHERE s.draft_id = $1 AND s.section_id = r.section_id`,
          [
            draftId,
            rendered.map((entry) => entry.sectionId),
            rendered.map((entry) => Buffer.from(entry.section.state)),
            rendered.map((entry) => JSON.stringify(entry.section.json)),
            rendered.map((entry) => JSON.stringify(entry.section.blocks)),
            rendered.map((entry) => entry.section.html),
            rendered.map((entry) => entry.section.markdown),
            rendered.map((entry) => entry.section.words),
          ],
        );
        await manager.query(
          `UPDATE plan_drafts
              SET status = 'ready', ready_at = now(), sections_done = sections_total, words = $2,
                  previous_number = $3, changes_summary = $4, failure_reason = NULL
            WHERE id = $1`,
          [
            draftId,
            words,
            changes?.previousNumber ?? null,
            changes ? JSON.stringify(changes.summary) : null,
          ],
        );
        return this.notices.record(manager, draftId, 'ready');
      });
      if (!written) return { skipped: 'the draft changed while it was being made' };
      // After the commit: the API pushes the stored notices when it hears this.
      await progress(draft.sections_total, 'ready');
      await this.emailNotices(written);
      return { sections: rendered.length, words };
    } catch (error) {
      const poison = error instanceof PoisonJobError;
      const reason = poison ? error.message : unexpectedFailure;
      if (!poison)
        this.logger.error(
          { event: 'draft_failed_attempt', draftId, err: error },
          'draft attempt failed',
        );
      if (poison || isLastAttempt(context)) await this.markFailed(draftId, reason, context);
      else
        await this.dataSource
          .query(
            `UPDATE plan_drafts SET status = 'queued' WHERE id = $1 AND status = 'generating'`,
            [draftId],
          )
          .then(() => progress(0, 'queued'))
          .catch(() => undefined);
      throw error;
    }
  }

  /**
   * A section's copied text, rendered. With several API instances, the copy can catch the log
   * between two commits of theirs: one instance commits a change made on top of another's, which
   * the other has already passed on to everyone but not yet committed. The copy then holds the
   * later change without the earlier one. Those earlier changes are committed moments later, so
   * they are taken from the section's log as it is now, row by row in log order, until nothing is
   * missing: the draft holds the text as asked for, plus at most the few changes committed
   * meanwhile. A log that still lacks them is damaged, and the draft fails as before.
   */
  private async renderCopied(source: SourceRow): Promise<RenderedSection> {
    try {
      return renderSection(source.source_updates);
    } catch (error) {
      if (!(error instanceof MissingChangesError)) throw error;
    }
    const stored = await this.dataSource.query<Array<{ update: Buffer }>>(
      `SELECT update FROM (
         SELECT 0 AS part, 0::bigint AS seq, snapshot AS update FROM section_documents
          WHERE section_id = $1 AND snapshot IS NOT NULL
         UNION ALL
         SELECT 1, seq, update FROM section_updates WHERE section_id = $1) AS stored
        ORDER BY part, seq`,
      [source.section_id],
    );
    const doc = new Y.Doc({ gc: true });
    try {
      for (const update of source.source_updates) Y.applyUpdate(doc, update);
      for (const { update } of stored) {
        if (!doc.store.pendingStructs && !doc.store.pendingDs) break;
        try {
          Y.applyUpdate(doc, update);
        } catch {
          throw new SectionStateError('its saved text is damaged and could not be read');
        }
      }
      const completed = !doc.store.pendingStructs && !doc.store.pendingDs;
      this.logger.info(
        { event: 'draft_copy_completed', sectionId: source.section_id, completed },
        completed
          ? 'a section copied between two instances’ commits was completed from its log'
          : 'a section’s copied text still misses earlier changes',
      );
      return renderSection([Y.encodeStateAsUpdate(doc)]);
    } finally {
      doc.destroy();
    }
  }

  /**
   * After BullMQ gave up on a job (its worker died too often), the draft still says why. When
   * `handle` already marked it failed this changes nothing, so a draft is marked once.
   */
  async failedForGood(
    { draftId }: DraftGeneratePayload,
    reason: string,
    context: JobContext,
  ): Promise<void> {
    await this.markFailed(draftId, reasonWhenGivenUp(reason, 'draft', unexpectedFailure), context);
  }

  private async markFailed(draftId: string, reason: string, context: JobContext): Promise<void> {
    const failed = await this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [[row]] = await manager.query<
        [Array<{ plan_id: string; sections_total: number }>, number]
      >(
        `UPDATE plan_drafts SET status = 'failed', failure_reason = $2
          WHERE id = $1 AND status IN ('queued', 'generating')
          RETURNING plan_id, sections_total`,
        [draftId, reason],
      );
      return row ? { row, notices: await this.notices.record(manager, draftId, 'failed') } : null;
    });
    if (!failed) return;
    const { row, notices } = failed;
    this.logger.warn({ event: 'draft_failed', draftId, reason }, 'draft failed');
    await context.reportProgress({
      draftId,
      planId: row.plan_id,
      status: 'failed',
      sectionsDone: 0,
      sectionsTotal: row.sections_total,
    });
    await this.emailNotices(notices);
  }

  /** Emails are queued after the commit; the notice itself is already stored either way. */
  private async emailNotices(notices: Notification[]): Promise<void> {
    await this.emails
      .send(notices)
      .catch((error: unknown) =>
        this.logger.warn(
          { event: 'draft_notice_mail_failed', err: error },
          'draft notice mail failed',
        ),
      );
  }

  private async changesSincePrevious(
    planId: string,
    number: number,
    rendered: Array<{ sectionId: string; title: string; section: RenderedSection }>,
  ): Promise<{ previousNumber: number; summary: DiffSummary } | null> {
    const [previous] = await this.dataSource.query<Array<{ id: string; number: number }>>(
      `SELECT id, number FROM plan_drafts
        WHERE plan_id = $1 AND status = 'ready' AND number < $2
        ORDER BY number DESC LIMIT 1`,
      [planId, number],
    );
    if (!previous) return null;
    const sections = await this.dataSource.query<
      Array<{ section_id: string; title: string; blocks: TextBlock[] }>
    >(
      'SELECT section_id, title, blocks FROM plan_draft_sections WHERE draft_id = $1 ORDER BY position, section_id',
      [previous.id],
    );
    const diff = diffDrafts(
      sections.map((row) => ({ sectionId: row.section_id, title: row.title, blocks: row.blocks })),
      rendered.map((entry) => ({
        sectionId: entry.sectionId,
        title: entry.title,
        blocks: entry.section.blocks,
      })),
    );
    return { previousNumber: previous.number, summary: diff.summary };
  }
}
