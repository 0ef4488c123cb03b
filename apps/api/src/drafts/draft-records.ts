import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { draftError, DraftErrorCode } from './drafts.errors.js';

export interface NewDraft {
  planId: string;
  footprintId: string;
  label: string;
  /** Who asked; null when a schedule did. */
  requestedBy: string | null;
  /** Unique per plan: asking again with it finds the draft the first request made. */
  requestKey: string | null;
}

/**
 * Records a draft as `queued` with a copy of every section's stored text, inside the caller's
 * transaction; the caller queues its job after the commit (`DraftQueue`). The plan's row is
 * locked, so numbers are given out one at a time, and a repeated request with the same key finds
 * the draft the first one made. The sections are copied by one statement, so every section is read
 * as of the same moment: the stored snapshot and log rows are what every acknowledged edit has
 * reached (group commit acknowledges only after commit), and a compaction committing meanwhile is
 * seen wholly or not at all.
 */
export async function recordDraft(
  manager: EntityManager,
  audit: AuditService,
  draft: NewDraft,
  context: RequestContext | null,
): Promise<{ draftId: string; created: boolean }> {
  const { planId, requestKey } = draft;
  await manager.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [planId]);
  if (requestKey) {
    const [existing] = await manager.query<Array<{ id: string }>>(
      'SELECT id FROM plan_drafts WHERE plan_id = $1 AND request_key = $2',
      [planId, requestKey],
    );
    if (existing) return { draftId: existing.id, created: false };
  }
  const [{ count } = { count: '0' }] = await manager.query<Array<{ count: string }>>(
    'SELECT count(*) FROM sections WHERE plan_id = $1',
    [planId],
  );
  if (Number(count) === 0) throw draftError(DraftErrorCode.PlanHasNoSections);
  const [{ id }] = (await manager.query<Array<{ id: string }>>(
    `INSERT INTO plan_drafts (plan_id, number, label, status, requested_by, request_key, sections_total)
     VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM plan_drafts WHERE plan_id = $1),
             $2, 'queued', $3, $4, 0)
     RETURNING id`,
    [planId, draft.label, draft.requestedBy, requestKey],
  )) as [{ id: string }];
  const copied = await manager.query<Array<{ section_id: string }>>(
    `INSERT INTO plan_draft_sections
       (draft_id, section_id, position, title, theme, review_status, source_updates)
     SELECT $1, s.id, s.position, s.title, s.theme, s.review_status,
            ARRAY(SELECT d.snapshot FROM section_documents d WHERE d.section_id = s.id)
              || ARRAY(SELECT u.update FROM section_updates u WHERE u.section_id = s.id ORDER BY u.seq)
       FROM sections s
      WHERE s.plan_id = $2
     RETURNING section_id`,
    [id, planId],
  );
  await manager.query('UPDATE plan_drafts SET sections_total = $2 WHERE id = $1', [
    id,
    copied.length,
  ]);
  await audit.record(
    {
      action: 'draft.requested',
      entityType: 'plan',
      entityId: planId,
      footprintId: draft.footprintId,
      details: {
        draftId: id,
        label: draft.label,
        ...(draft.requestedBy ? {} : { scheduled: true }),
      },
    },
    context,
    manager,
  );
  return { draftId: id, created: true };
}
