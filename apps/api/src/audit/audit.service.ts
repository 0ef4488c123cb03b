import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  activityKindActions,
  type ActivityKind,
  type AuditEventView,
  type Page,
} from '@commonplan/domain';
import { Repository, type EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  footprintId?: string | null;
  actorId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  footprintId: string;
  page: number;
  pageSize: number;
  action?: string;
  actorId?: string;
  /** Only events about this plan or its sections. */
  planId?: string;
  kind?: ActivityKind;
}

/** Writes the audit trail (inside the caller's transaction when given one) and reads it back. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async record(
    entry: AuditEntry,
    context: RequestContext | null,
    manager?: EntityManager,
  ): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEvent) : this.events;
    await repository.insert({
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      footprintId: entry.footprintId ?? null,
      actorId: entry.actorId ?? context?.auth?.user.id ?? null,
      details: (entry.details ?? {}) as AuditEvent['details'] & object,
      ip: context?.ip?.slice(0, 64) ?? null,
      requestId: context?.requestId ?? null,
    });
  }

  async list(query: AuditQuery): Promise<Page<AuditEventView>> {
    const builder = this.events
      .createQueryBuilder('event')
      .leftJoin('users', 'actor', 'actor.id = event.actor_id')
      .select([
        'event.id AS id',
        'event.at AS at',
        'event.action AS action',
        'event.entity_type AS entity_type',
        'event.entity_id AS entity_id',
        'event.details AS details',
        'event.ip AS ip',
        'actor.id AS actor_id',
        'actor.name AS actor_name',
        'actor.email AS actor_email',
      ])
      .where('event.footprint_id = :footprintId', { footprintId: query.footprintId });
    if (query.action) builder.andWhere('event.action = :action', { action: query.action });
    if (query.actorId) builder.andWhere('event.actor_id = :actorId', { actorId: query.actorId });
    if (query.planId)
      builder.andWhere(
        `((event.entity_type = 'plan' AND event.entity_id = :planId)
          OR event.details->>'planId' = :planId
          OR (event.entity_type = 'section' AND event.entity_id IN
               (SELECT id::text FROM sections WHERE plan_id = :planUuid)))`,
        { planId: query.planId, planUuid: query.planId },
      );
    if (query.kind) {
      const { prefixes, actions } = activityKindActions[query.kind];
      const clauses = [
        ...prefixes.map((_, i) => `event.action LIKE :prefix${i}`),
        ...(actions.length ? ['event.action IN (:...kindActions)'] : []),
      ];
      builder.andWhere(`(${clauses.join(' OR ')})`, {
        ...Object.fromEntries(prefixes.map((prefix, i) => [`prefix${i}`, `${prefix}%`])),
        kindActions: actions,
      });
    }
    const total = await builder.clone().getCount();
    const rows = await builder
      .orderBy('event.id', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany<Record<string, unknown>>();
    return {
      items: rows.map((row) => ({
        id: String(row.id),
        at: new Date(row.at as string).toISOString(),
        action: row.action as string,
        entityType: row.entity_type as string,
        entityId: (row.entity_id as string | null) ?? null,
        actor: row.actor_id
          ? {
              id: row.actor_id as string,
              name: row.actor_name as string,
              email: row.actor_email as string,
            }
          : null,
        address: (row.ip as string | null) ?? null,
        details: (row.details as Record<string, unknown>) ?? {},
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
