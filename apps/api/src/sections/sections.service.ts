import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  sectionAuthorRoles,
  sectionReviewerRoles,
  type Actor,
  type FootprintAction,
  type FootprintRole,
  type SectionView,
} from '@commonplan/domain';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Membership } from '../auth/membership.entity.js';
import type { RequestContext } from '../common/request-context.js';
import { AccessChangesPublisher } from '../footprints/access-changes.publisher.js';
import { FootprintAccessService } from '../footprints/footprint-access.service.js';
import { FootprintsService } from '../footprints/footprints.service.js';
import { Plan } from '../plans/plan.entity.js';
import { PlansService, type PlanAccess } from '../plans/plans.service.js';
import type { CreateSectionDto, UpdateSectionDto } from './dto/section.dto.js';
import { SectionAssignee, type AssigneeKind } from './section-assignee.entity.js';
import { Section } from './section.entity.js';
import { paragraphsOf, writeStartingText } from './section-text.js';
import { toSectionView } from './section.view.js';
import { sectionError, SectionErrorCode } from './sections.errors.js';

export interface SectionAccess extends PlanAccess {
  section: Section;
}

const sectionRelations = { leadOrganisation: true, assignees: { user: true } } as const;

/** The parts of a plan: their order, details, lead organisation and who writes and reviews each. */
@Injectable()
export class SectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Section) private readonly sections: Repository<Section>,
    private readonly plans: PlansService,
    private readonly footprints: FootprintsService,
    private readonly access: FootprintAccessService,
    private readonly audit: AuditService,
    private readonly accessChanges: AccessChangesPublisher,
  ) {}

  async load(
    auth: AuthContext,
    sectionId: string,
    action: FootprintAction = 'section.read',
  ): Promise<SectionAccess> {
    const section = await this.sections.findOne({
      where: { id: sectionId },
      relations: { ...sectionRelations, plan: { footprint: true } },
    });
    if (!section) throw sectionError(SectionErrorCode.SectionNotFound);
    const access = await this.access.check(
      auth,
      section.plan.footprint,
      action,
      sectionError(SectionErrorCode.SectionNotFound),
    );
    return { ...access, plan: section.plan, section };
  }

  /**
   * Who the person is in the footprint of a section, or null when there is no such section: what
   * the real-time channel needs to decide access at every join, in two small queries instead of
   * loading the section with its plan, footprint and people.
   */
  async actorFor(auth: AuthContext, sectionId: string): Promise<Actor | null> {
    const [row] = await this.dataSource.query<Array<{ footprint_id: string }>>(
      'SELECT p.footprint_id FROM sections s JOIN plans p ON p.id = s.plan_id WHERE s.id = $1',
      [sectionId],
    );
    return row ? this.access.actorFor(auth, row.footprint_id) : null;
  }

  async list(planAccess: PlanAccess): Promise<SectionView[]> {
    const sections = await this.sections.find({
      where: { planId: planAccess.plan.id },
      relations: sectionRelations,
      order: { position: 'ASC' },
    });
    return sections.map(toSectionView);
  }

  private async reload(
    sectionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SectionView> {
    return toSectionView(
      await manager.findOneOrFail(Section, {
        where: { id: sectionId },
        relations: sectionRelations,
      }),
    );
  }

  private async assertLeadOrganisation(
    footprintId: string,
    organisationId: string | null | undefined,
  ): Promise<void> {
    if (
      organisationId &&
      !(await this.footprints.isMemberOrganisation(footprintId, organisationId))
    ) {
      throw sectionError(SectionErrorCode.LeadOrganisationNotMember, {
        field: 'leadOrganisationId',
      });
    }
  }

  /** Serialises changes to one plan's sections, so positions stay a clean 0..n-1 sequence. */
  private lockPlan(manager: EntityManager, planId: string) {
    return manager.findOneOrFail(Plan, {
      where: { id: planId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async create(
    planAccess: PlanAccess,
    input: CreateSectionDto,
    context: RequestContext,
  ): Promise<SectionView> {
    await this.assertLeadOrganisation(planAccess.footprint.id, input.leadOrganisationId);
    return this.dataSource.transaction(async (manager) => {
      await this.lockPlan(manager, planAccess.plan.id);
      const [{ next }] = await manager.query<Array<{ next: number }>>(
        'SELECT COALESCE(MAX(position) + 1, 0)::int AS next FROM sections WHERE plan_id = $1',
        [planAccess.plan.id],
      );
      const section = await manager.save(
        manager.create(Section, {
          planId: planAccess.plan.id,
          position: next,
          title: input.title.trim(),
          theme: input.theme,
          leadOrganisationId: input.leadOrganisationId ?? null,
          reviewStatus: 'draft',
        }),
      );
      await writeStartingText(
        manager,
        section.id,
        paragraphsOf(input.text ?? ''),
        context.auth?.user.id ?? null,
      );
      await this.plans.touch(planAccess.plan.id, manager);
      await this.audit.record(
        {
          action: 'section.created',
          entityType: 'section',
          entityId: section.id,
          footprintId: planAccess.footprint.id,
          details: { planId: planAccess.plan.id, title: section.title, theme: section.theme },
        },
        context,
        manager,
      );
      return this.reload(section.id, manager);
    });
  }

  /** Checks that each person named is a member whose role fits the assignment. */
  private async assertAssignees(
    footprintId: string,
    userIds: string[],
    kind: AssigneeKind,
  ): Promise<void> {
    if (userIds.length === 0) return;
    const field = kind === 'author' ? 'authorIds' : 'reviewerIds';
    const memberships = await this.dataSource
      .getRepository(Membership)
      .find({ where: { footprintId, userId: In(userIds) } });
    if (memberships.length !== userIds.length)
      throw sectionError(SectionErrorCode.AssigneeNotMember, { field });
    const allowed: readonly FootprintRole[] =
      kind === 'author' ? sectionAuthorRoles : sectionReviewerRoles;
    if (memberships.some((m) => !allowed.includes(m.role)))
      throw sectionError(SectionErrorCode.AssigneeWrongRole, { field });
  }

  async update(
    sectionAccess: SectionAccess,
    input: UpdateSectionDto,
    context: RequestContext,
  ): Promise<SectionView> {
    const { section, footprint } = sectionAccess;
    await this.assertLeadOrganisation(footprint.id, input.leadOrganisationId);
    if (input.authorIds) await this.assertAssignees(footprint.id, input.authorIds, 'author');
    if (input.reviewerIds) await this.assertAssignees(footprint.id, input.reviewerIds, 'reviewer');
    const changes: Partial<Section> = {};
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.theme !== undefined) changes.theme = input.theme;
    if (input.leadOrganisationId !== undefined)
      changes.leadOrganisationId = input.leadOrganisationId;
    if (input.dueDate !== undefined) changes.dueDate = input.dueDate;
    return this.dataSource.transaction(async (manager) => {
      if (Object.keys(changes).length > 0)
        await manager.update(Section, { id: section.id }, changes);
      const assignments: Array<[AssigneeKind, string[] | undefined]> = [
        ['author', input.authorIds],
        ['reviewer', input.reviewerIds],
      ];
      for (const [kind, userIds] of assignments) {
        if (!userIds) continue;
        await manager.delete(SectionAssignee, { sectionId: section.id, kind });
        if (userIds.length > 0)
          await manager.insert(
            SectionAssignee,
            userIds.map((userId) => ({ sectionId: section.id, userId, kind })),
          );
      }
      await this.plans.touch(section.planId, manager);
      await this.audit.record(
        {
          action: 'section.updated',
          entityType: 'section',
          entityId: section.id,
          footprintId: footprint.id,
          details: {
            ...changes,
            ...(input.authorIds ? { authorIds: input.authorIds } : {}),
            ...(input.reviewerIds ? { reviewerIds: input.reviewerIds } : {}),
          },
        },
        context,
        manager,
      );
      return this.reload(section.id, manager);
    });
  }

  async reorder(
    planAccess: PlanAccess,
    sectionIds: string[],
    context: RequestContext,
  ): Promise<SectionView[]> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockPlan(manager, planAccess.plan.id);
      const current = await manager.find(Section, {
        where: { planId: planAccess.plan.id },
        select: { id: true, position: true },
      });
      const known = new Set(current.map((s) => s.id));
      if (current.length !== sectionIds.length || sectionIds.some((id) => !known.has(id))) {
        throw sectionError(SectionErrorCode.OrderMismatch, { field: 'sectionIds' });
      }
      await manager.query(
        `UPDATE sections SET position = ordered.position - 1, updated_at = now()
           FROM unnest($1::uuid[]) WITH ORDINALITY AS ordered(id, position)
          WHERE sections.id = ordered.id AND sections.position <> ordered.position - 1`,
        [sectionIds],
      );
      await this.plans.touch(planAccess.plan.id, manager);
      await this.audit.record(
        {
          action: 'section.reordered',
          entityType: 'plan',
          entityId: planAccess.plan.id,
          footprintId: planAccess.footprint.id,
          details: { sectionIds },
        },
        context,
        manager,
      );
    });
    return this.list(planAccess);
  }

  async remove(sectionAccess: SectionAccess, context: RequestContext): Promise<void> {
    const { section, footprint } = sectionAccess;
    await this.dataSource.transaction(async (manager) => {
      await this.lockPlan(manager, section.planId);
      await manager.delete(Section, { id: section.id });
      await manager.query(
        'UPDATE sections SET position = position - 1 WHERE plan_id = $1 AND position > $2',
        [section.planId, section.position],
      );
      await this.plans.touch(section.planId, manager);
      await this.audit.record(
        {
          action: 'section.deleted',
          entityType: 'section',
          entityId: section.id,
          footprintId: footprint.id,
          details: { planId: section.planId, title: section.title },
        },
        context,
        manager,
      );
    });
    await this.accessChanges.publish({ kind: 'section', sectionId: section.id });
  }
}
