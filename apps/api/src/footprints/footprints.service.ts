import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  slugify,
  type FootprintSummary,
  type FootprintView,
  type MemberView,
  type OrganisationView,
  type Page,
} from '@commonplan/domain';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Membership } from '../auth/membership.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { commonError, CommonErrorCode } from '../common/common.errors.js';
import type { RequestContext } from '../common/request-context.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { toOrganisationView } from '../organisations/organisation.view.js';
import type { CreateFootprintDto, UpdateFootprintDto } from './dto/footprint.dto.js';
import type { AddOrganisationDto } from './dto/organisation.dto.js';
import { AccessChangesPublisher } from './access-changes.publisher.js';
import { FootprintAccessService, type FootprintAccess } from './footprint-access.service.js';
import { Footprint } from './footprint.entity.js';
import { footprintError, FootprintErrorCode } from './footprints.errors.js';

interface PageRequest {
  page: number;
  pageSize: number;
}

/** Footprints, their member organisations and their members. */
@Injectable()
export class FootprintsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Footprint) private readonly footprints: Repository<Footprint>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    private readonly access: FootprintAccessService,
    private readonly audit: AuditService,
    private readonly accessChanges: AccessChangesPublisher,
  ) {}

  /** Footprints the person belongs to; the instance's admins see every footprint. */
  async listFor(auth: AuthContext, paging: PageRequest): Promise<Page<FootprintSummary>> {
    const builder = this.footprints
      .createQueryBuilder('footprint')
      .leftJoin(
        Membership,
        'membership',
        'membership.footprint_id = footprint.id AND membership.user_id = :userId',
        {
          userId: auth.user.id,
        },
      )
      .select('footprint.id', 'id')
      .addSelect('footprint.name', 'name')
      .addSelect('footprint.slug', 'slug')
      .addSelect('footprint.region', 'region')
      .addSelect('footprint.population', 'population')
      .addSelect('footprint.population_is_estimate', 'population_is_estimate')
      .addSelect('membership.role', 'role')
      .addSelect(
        '(SELECT count(*) FROM footprint_organisations fo WHERE fo.footprint_id = footprint.id)',
        'organisation_count',
      )
      .addSelect(
        '(SELECT count(*) FROM plans p WHERE p.footprint_id = footprint.id)',
        'plan_count',
      );
    if (!auth.isAdmin) builder.where('membership.id IS NOT NULL');
    const total = await builder.clone().getCount();
    const rows = await builder
      .orderBy('footprint.name', 'ASC')
      .offset((paging.page - 1) * paging.pageSize)
      .limit(paging.pageSize)
      .getRawMany<Record<string, string | number | null>>();
    return {
      items: rows.map((row) => ({
        id: String(row.id),
        name: String(row.name),
        slug: String(row.slug),
        region: String(row.region),
        population: Number(row.population),
        populationIsEstimate: Boolean(row.population_is_estimate),
        myRole: (row.role as FootprintSummary['myRole']) ?? null,
        organisationCount: Number(row.organisation_count),
        planCount: Number(row.plan_count),
      })),
      total,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }

  async view(access: FootprintAccess): Promise<FootprintView> {
    const { footprint, actor } = access;
    const [counts] = await this.dataSource.query<Array<Record<string, string>>>(
      `SELECT
         (SELECT count(*) FROM footprint_organisations WHERE footprint_id = $1) AS organisations,
         (SELECT count(*) FROM plans WHERE footprint_id = $1) AS plans,
         (SELECT count(*) FROM memberships WHERE footprint_id = $1) AS members`,
      [footprint.id],
    );
    return {
      id: footprint.id,
      name: footprint.name,
      slug: footprint.slug,
      region: footprint.region,
      population: footprint.population,
      populationIsEstimate: footprint.populationIsEstimate,
      myRole: actor.role,
      organisationCount: Number(counts?.organisations ?? 0),
      planCount: Number(counts?.plans ?? 0),
      memberCount: Number(counts?.members ?? 0),
      allowedActions: this.access.allowedActions(actor),
    };
  }

  async create(
    auth: AuthContext,
    input: CreateFootprintDto,
    context: RequestContext,
  ): Promise<FootprintView> {
    if (!auth.isAdmin) throw footprintError(FootprintErrorCode.AdminOnly);
    const slug = input.slug ?? slugify(input.name);
    if (!slug)
      throw commonError(CommonErrorCode.ValidationFailed, {
        message: 'name must contain letters or digits',
        field: 'name',
      });
    const footprint = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(Footprint, { where: { slug } });
      if (existing) throw footprintError(FootprintErrorCode.SlugTaken, { field: 'slug' });
      const created = await manager.save(
        manager.create(Footprint, {
          name: input.name.trim(),
          slug,
          region: input.region.trim(),
          population: input.population,
          populationIsEstimate: false,
        }),
      );
      await this.audit.record(
        {
          action: 'footprint.created',
          entityType: 'footprint',
          entityId: created.id,
          footprintId: created.id,
          details: { name: created.name, slug },
        },
        context,
        manager,
      );
      return created;
    });
    return this.view({ footprint, actor: { role: null, isAdmin: true } });
  }

  async update(
    auth: AuthContext,
    slug: string,
    input: UpdateFootprintDto,
    context: RequestContext,
  ): Promise<FootprintView> {
    const access = await this.access.bySlug(auth, slug);
    if (!auth.isAdmin) throw footprintError(FootprintErrorCode.AdminOnly);
    const changes: Partial<Footprint> = Object.fromEntries(
      Object.entries(input).filter(([, value]) => value !== undefined),
    );
    if (Object.keys(changes).length === 0) return this.view(access);
    // A population an administrator enters is the published figure, no longer an illustration.
    if (changes.population !== undefined) changes.populationIsEstimate = false;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Footprint, { id: access.footprint.id }, changes);
      await this.audit.record(
        {
          action: 'footprint.updated',
          entityType: 'footprint',
          entityId: access.footprint.id,
          footprintId: access.footprint.id,
          details: changes,
        },
        context,
        manager,
      );
    });
    return this.view({ ...access, footprint: { ...access.footprint, ...changes } as Footprint });
  }

  async organisations(
    access: FootprintAccess,
    paging: PageRequest,
  ): Promise<Page<OrganisationView>> {
    const [items, total] = await this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('organisation')
      .innerJoin(
        'footprint_organisations',
        'fo',
        'fo.organisation_id = organisation.id AND fo.footprint_id = :footprintId',
        {
          footprintId: access.footprint.id,
        },
      )
      .orderBy('organisation.kind', 'ASC')
      .addOrderBy('organisation.name', 'ASC')
      .skip((paging.page - 1) * paging.pageSize)
      .take(paging.pageSize)
      .getManyAndCount();
    return {
      items: items.map((o) => toOrganisationView(o)),
      total,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }

  /**
   * Adds a member organisation. An organisation with the same ODS code is one body, so it is reused
   * rather than duplicated.
   */
  async addOrganisation(
    access: FootprintAccess,
    input: AddOrganisationDto,
    context: RequestContext,
  ): Promise<OrganisationView> {
    return this.dataSource.transaction(async (manager) => {
      let organisation = input.odsCode
        ? await manager.findOne(Organisation, { where: { odsCode: input.odsCode } })
        : null;
      if (organisation && organisation.name.toLowerCase() !== input.name.trim().toLowerCase()) {
        throw footprintError(FootprintErrorCode.OdsCodeKindMismatch, {
          field: 'odsCode',
          message: `ODS code ${input.odsCode} already belongs to ${organisation.name}.`,
        });
      }
      organisation ??= await manager.save(
        manager.create(Organisation, {
          name: input.name.trim(),
          kind: input.kind,
          odsCode: input.odsCode ?? null,
        }),
      );
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO footprint_organisations (footprint_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING footprint_id`,
        [access.footprint.id, organisation.id],
      );
      if (inserted.length === 0) throw footprintError(FootprintErrorCode.OrganisationAlreadyMember);
      await this.audit.record(
        {
          action: 'organisation.added',
          entityType: 'organisation',
          entityId: organisation.id,
          footprintId: access.footprint.id,
          details: { name: organisation.name, kind: organisation.kind },
        },
        context,
        manager,
      );
      return toOrganisationView(organisation);
    });
  }

  async isMemberOrganisation(footprintId: string, organisationId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM footprint_organisations WHERE footprint_id = $1 AND organisation_id = $2',
      [footprintId, organisationId],
    );
    return rows.length > 0;
  }

  async members(access: FootprintAccess, paging: PageRequest): Promise<Page<MemberView>> {
    const [items, total] = await this.memberships
      .createQueryBuilder('membership')
      .innerJoinAndSelect('membership.user', 'user')
      .leftJoinAndSelect('user.organisation', 'organisation')
      .where('membership.footprint_id = :footprintId', { footprintId: access.footprint.id })
      .orderBy(
        `array_position(ARRAY['lead','author','reviewer','viewer']::varchar[], membership.role)`,
        'ASC',
      )
      .addOrderBy('user.name', 'ASC')
      // Each membership joins one user and at most one organisation, so plain OFFSET/LIMIT pages
      // correctly; skip/take would wrap the query in a DISTINCT subquery that cannot order by the
      // role expression.
      .offset((paging.page - 1) * paging.pageSize)
      .limit(paging.pageSize)
      .getManyAndCount();
    return {
      items: items.map((m) => this.toMemberView(m)),
      total,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }

  private toMemberView(membership: Membership): MemberView {
    return {
      userId: membership.userId,
      name: membership.user.name,
      email: membership.user.email,
      role: membership.role,
      organisation: toOrganisationView(membership.user.organisation),
      joinedAt: membership.createdAt.toISOString(),
    };
  }

  async changeRole(
    access: FootprintAccess,
    userId: string,
    role: Membership['role'],
    context: RequestContext,
  ): Promise<MemberView> {
    await this.dataSource.transaction(async (manager) => {
      const { membership, leadCount } = await this.lockMembers(
        manager,
        access.footprint.id,
        userId,
      );
      if (membership.role === role) return;
      if (membership.role === 'lead' && leadCount === 1)
        throw footprintError(FootprintErrorCode.LastLead);
      await manager.update(Membership, { id: membership.id }, { role });
      await this.audit.record(
        {
          action: 'member.role_changed',
          entityType: 'user',
          entityId: userId,
          footprintId: access.footprint.id,
          details: { from: membership.role, to: role },
        },
        context,
        manager,
      );
    });
    await this.accessChanges.publish({ kind: 'member', footprintId: access.footprint.id, userId });
    const updated = await this.memberships.findOneOrFail({
      where: { footprintId: access.footprint.id, userId },
      relations: { user: { organisation: true } },
    });
    return this.toMemberView(updated);
  }

  async removeMember(
    access: FootprintAccess,
    userId: string,
    context: RequestContext,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { membership, leadCount } = await this.lockMembers(
        manager,
        access.footprint.id,
        userId,
      );
      if (membership.role === 'lead' && leadCount === 1)
        throw footprintError(FootprintErrorCode.LastLead);
      await manager.delete(Membership, { id: membership.id });
      await manager.query(
        `DELETE FROM section_assignees sa USING sections s, plans p
          WHERE sa.section_id = s.id AND s.plan_id = p.id AND p.footprint_id = $1 AND sa.user_id = $2`,
        [access.footprint.id, userId],
      );
      await this.audit.record(
        {
          action: 'member.removed',
          entityType: 'user',
          entityId: userId,
          footprintId: access.footprint.id,
          details: { role: membership.role },
        },
        context,
        manager,
      );
    });
    await this.accessChanges.publish({ kind: 'member', footprintId: access.footprint.id, userId });
  }

  /**
   * Locks the footprint's memberships for a change, so that two leads demoting each other at once
   * cannot leave the footprint with no lead.
   */
  private async lockMembers(
    manager: EntityManager,
    footprintId: string,
    userId: string,
  ): Promise<{ membership: Membership; leadCount: number }> {
    const rows = await manager
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .setLock('pessimistic_write')
      .where('membership.footprint_id = :footprintId', { footprintId })
      .getMany();
    const membership = rows.find((row) => row.userId === userId);
    if (!membership) throw footprintError(FootprintErrorCode.MemberNotFound);
    return { membership, leadCount: rows.filter((row) => row.role === 'lead').length };
  }
}
