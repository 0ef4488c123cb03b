import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  respondentTypeLabels,
  type ConsultationDecision,
  type ConsultationResponseStatus,
  type ConsultationResponseView,
  type Page,
} from '@commonplan/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import type { PlanAccess } from '../plans/plans.service.js';
import { consultationError, ConsultationErrorCode } from './consultation.errors.js';
import { toCsv } from './csv-writer.js';
import { spamReasonLabels, type SpamReason } from './spam-check.js';

export interface ResponseFilter {
  status?: ConsultationResponseStatus;
  /** A section id, or `whole` for responses on the whole draft. */
  section?: string;
}

interface ResponseRow {
  id: string;
  created_at: Date;
  status: ConsultationResponseStatus;
  respondent_type: ConsultationResponseView['respondentType'];
  organisation_name: string | null;
  name: string | null;
  email: string | null;
  section_id: string | null;
  section_title: string | null;
  publication_number: number;
  body: string;
  spam_reasons: string[];
  moderated_at: Date | null;
  moderator_id: string | null;
  moderator_name: string | null;
}

function toView(row: ResponseRow): ConsultationResponseView {
  return {
    id: row.id,
    receivedAt: row.created_at.toISOString(),
    status: row.status,
    respondentType: row.respondent_type,
    organisationName: row.organisation_name,
    name: row.name,
    email: row.email,
    sectionId: row.section_id,
    sectionTitle: row.section_title,
    publicationNumber: row.publication_number,
    body: row.body,
    spamReasons: row.spam_reasons,
    moderatedAt: row.moderated_at?.toISOString() ?? null,
    moderatedBy:
      row.moderator_id && row.moderator_name
        ? { id: row.moderator_id, name: row.moderator_name }
        : null,
  };
}

/**
 * What leads do with responses: read them (pending first), accept or reject each (audited), and
 * export them as CSV.
 */
@Injectable()
export class ConsultationModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private query(planId: string, filter: ResponseFilter) {
    const where = ['r.plan_id = $1'];
    const params: unknown[] = [planId];
    if (filter.status) {
      params.push(filter.status);
      where.push(`r.status = $${params.length}`);
    }
    if (filter.section === 'whole') where.push('r.section_id IS NULL');
    else if (filter.section) {
      params.push(filter.section);
      where.push(`r.section_id = $${params.length}`);
    }
    return {
      from: `FROM consultation_responses r
               JOIN plan_publications p ON p.id = r.publication_id
               LEFT JOIN users u ON u.id = r.moderated_by
              WHERE ${where.join(' AND ')}`,
      params,
    };
  }

  private readonly columns = `r.id, r.created_at, r.status, r.respondent_type, r.organisation_name,
      r.name, r.email, r.section_id, r.section_title, p.number AS publication_number, r.body,
      r.spam_reasons, r.moderated_at, u.id AS moderator_id, u.name AS moderator_name`;

  async list(
    planAccess: PlanAccess,
    filter: ResponseFilter,
    paging: { page: number; pageSize: number },
  ): Promise<Page<ConsultationResponseView>> {
    const { from, params } = this.query(planAccess.plan.id, filter);
    const [{ count } = { count: '0' }] = await this.dataSource.query<Array<{ count: string }>>(
      `SELECT count(*) ${from}`,
      params,
    );
    const rows = await this.dataSource.query<ResponseRow[]>(
      `SELECT ${this.columns} ${from}
        ORDER BY (r.status = 'pending') DESC, r.created_at DESC, r.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, paging.pageSize, (paging.page - 1) * paging.pageSize],
    );
    return {
      items: rows.map(toView),
      total: Number(count),
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }

  async decide(
    planAccess: PlanAccess,
    responseId: string,
    decision: ConsultationDecision,
    context: RequestContext,
  ): Promise<ConsultationResponseView> {
    const planId = planAccess.plan.id;
    const status: ConsultationResponseStatus = decision === 'accept' ? 'accepted' : 'rejected';
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query<Array<{ status: ConsultationResponseStatus }>>(
        'SELECT status FROM consultation_responses WHERE id = $1 AND plan_id = $2 FOR UPDATE',
        [responseId, planId],
      );
      if (!current) throw consultationError(ConsultationErrorCode.ResponseNotFound);
      if (current.status === status) return;
      await manager.query(
        `UPDATE consultation_responses SET status = $2, moderated_at = now(), moderated_by = $3
          WHERE id = $1`,
        [responseId, status, context.auth?.user.id ?? null],
      );
      await this.audit.record(
        {
          action:
            decision === 'accept'
              ? 'consultation.response_accepted'
              : 'consultation.response_rejected',
          entityType: 'consultation_response',
          entityId: responseId,
          footprintId: planAccess.footprint.id,
          details: { planId, from: current.status },
        },
        context,
        manager,
      );
    });
    const { from, params } = this.query(planId, {});
    const [row] = await this.dataSource.query<ResponseRow[]>(
      `SELECT ${this.columns} ${from} AND r.id = $${params.length + 1}`,
      [...params, responseId],
    );
    return toView(row!);
  }

  async csv(planAccess: PlanAccess, filter: ResponseFilter): Promise<string> {
    const { from, params } = this.query(planAccess.plan.id, filter);
    const rows = await this.dataSource.query<ResponseRow[]>(
      `SELECT ${this.columns} ${from} ORDER BY r.created_at, r.id`,
      params,
    );
    return toCsv([
      [
        'Received',
        'Status',
        'Responding as',
        'Organisation',
        'Name',
        'Email',
        'Section',
        'Publication',
        'Response',
        'Spam reasons',
        'Decided',
        'Decided by',
      ],
      ...rows.map((row) => [
        row.created_at.toISOString(),
        row.status,
        respondentTypeLabels[row.respondent_type],
        row.organisation_name,
        row.name,
        row.email,
        row.section_title ?? 'The whole draft',
        row.publication_number,
        row.body,
        row.spam_reasons
          .map((reason) => spamReasonLabels[reason as SpamReason] ?? reason)
          .join('; '),
        row.moderated_at?.toISOString() ?? null,
        row.moderator_name,
      ]),
    ]);
  }
}
