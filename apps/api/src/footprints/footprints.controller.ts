import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AuditEventView,
  FootprintSummary,
  FootprintView,
  MemberView,
  OrganisationView,
  Page,
} from '@commonplan/domain';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { AuditService } from '../audit/audit.service.js';
import { PaginationQuery } from '../common/pagination.dto.js';
import { uuidParam } from '../common/params.js';
import type { RequestContext } from '../common/request-context.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import { CreateFootprintDto, UpdateFootprintDto } from './dto/footprint.dto.js';
import { ChangeRoleDto } from './dto/member.dto.js';
import { AddOrganisationDto } from './dto/organisation.dto.js';
import { FootprintAccessService } from './footprint-access.service.js';
import { FootprintsService } from './footprints.service.js';

@ApiTags('footprints')
@Controller('footprints')
export class FootprintsController {
  constructor(
    private readonly footprints: FootprintsService,
    private readonly access: FootprintAccessService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Footprints I belong to (admins: every footprint)' })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: PaginationQuery,
  ): Promise<Page<FootprintSummary>> {
    return this.footprints.listFor(auth, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a footprint (instance admins)' })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: CreateFootprintDto,
    @ReqContext() context: RequestContext,
  ): Promise<FootprintView> {
    return this.footprints.create(auth, body, context);
  }

  @Get(':slug')
  @ApiOperation({ summary: 'A footprint, with what I may do in it' })
  async get(@CurrentAuth() auth: AuthContext, @Param('slug') slug: string): Promise<FootprintView> {
    return this.footprints.view(await this.access.bySlug(auth, slug));
  }

  @Patch(':slug')
  @ApiOperation({
    summary: 'Rename a footprint or correct its region or population (instance admins)',
  })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Body() body: UpdateFootprintDto,
    @ReqContext() context: RequestContext,
  ): Promise<FootprintView> {
    return this.footprints.update(auth, slug, body, context);
  }

  @Get(':slug/members')
  @ApiOperation({ summary: "The footprint's members and their roles" })
  async members(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Query() query: PaginationQuery,
  ): Promise<Page<MemberView>> {
    return this.footprints.members(await this.access.bySlug(auth, slug, 'members.read'), query);
  }

  @Patch(':slug/members/:userId')
  @ApiOperation({ summary: "Change a member's role (leads)" })
  async changeRole(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: ChangeRoleDto,
    @ReqContext() context: RequestContext,
  ): Promise<MemberView> {
    return this.footprints.changeRole(
      await this.access.bySlug(auth, slug, 'members.manage'),
      userId,
      body.role,
      context,
    );
  }

  @Delete(':slug/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove someone from the footprint (leads)' })
  async removeMember(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @ReqContext() context: RequestContext,
  ): Promise<void> {
    await this.footprints.removeMember(
      await this.access.bySlug(auth, slug, 'members.manage'),
      userId,
      context,
    );
  }

  @Get(':slug/organisations')
  @ApiOperation({ summary: 'Member organisations of the footprint' })
  async organisations(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Query() query: PaginationQuery,
  ): Promise<Page<OrganisationView>> {
    return this.footprints.organisations(
      await this.access.bySlug(auth, slug, 'organisations.read'),
      query,
    );
  }

  @Post(':slug/organisations')
  @ApiOperation({ summary: 'Add a member organisation (leads)' })
  async addOrganisation(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Body() body: AddOrganisationDto,
    @ReqContext() context: RequestContext,
  ): Promise<OrganisationView> {
    return this.footprints.addOrganisation(
      await this.access.bySlug(auth, slug, 'organisations.manage'),
      body,
      context,
    );
  }

  @Get(':slug/audit')
  @ApiOperation({ summary: "The footprint's audit trail, newest first (leads and admins)" })
  async auditTrail(
    @CurrentAuth() auth: AuthContext,
    @Param('slug') slug: string,
    @Query() query: AuditQueryDto,
  ): Promise<Page<AuditEventView>> {
    const access = await this.access.bySlug(auth, slug, 'audit.read');
    return this.audit.list({
      footprintId: access.footprint.id,
      page: query.page,
      pageSize: query.pageSize,
      action: query.action,
      actorId: query.actorId,
      planId: query.planId,
      kind: query.kind,
    });
  }
}
