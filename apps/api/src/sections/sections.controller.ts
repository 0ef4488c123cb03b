import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SectionView } from '@commonplan/domain';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { uuidParam } from '../common/params.js';
import type { RequestContext } from '../common/request-context.js';
import { PlansService } from '../plans/plans.service.js';
import { CreateSectionDto, ReorderSectionsDto, UpdateSectionDto } from './dto/section.dto.js';
import { toSectionView } from './section.view.js';
import { SectionsService } from './sections.service.js';

@ApiTags('sections')
@Controller()
export class SectionsController {
  constructor(
    private readonly sections: SectionsService,
    private readonly plans: PlansService,
  ) {}

  @Get('plans/:planId/sections')
  @ApiOperation({ summary: "A plan's sections, in order" })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
  ): Promise<SectionView[]> {
    return this.sections.list(await this.plans.load(auth, planId, 'section.read'));
  }

  @Post('plans/:planId/sections')
  @ApiOperation({ summary: 'Add a section at the end of the plan (leads)' })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: CreateSectionDto,
    @ReqContext() context: RequestContext,
  ): Promise<SectionView> {
    return this.sections.create(
      await this.plans.load(auth, planId, 'section.create'),
      body,
      context,
    );
  }

  @Put('plans/:planId/sections/order')
  @ApiOperation({ summary: 'Put the sections in a new order (leads): list every section once' })
  async reorder(
    @CurrentAuth() auth: AuthContext,
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: ReorderSectionsDto,
    @ReqContext() context: RequestContext,
  ): Promise<SectionView[]> {
    return this.sections.reorder(
      await this.plans.load(auth, planId, 'section.reorder'),
      body.sectionIds,
      context,
    );
  }

  @Get('sections/:sectionId')
  @ApiOperation({ summary: 'A section and its details' })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
  ): Promise<SectionView> {
    return toSectionView((await this.sections.load(auth, sectionId)).section);
  }

  @Patch('sections/:sectionId')
  @ApiOperation({
    summary: "Change a section's title, theme, lead organisation, assignees or due date (leads)",
  })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
    @Body() body: UpdateSectionDto,
    @ReqContext() context: RequestContext,
  ): Promise<SectionView> {
    return this.sections.update(
      await this.sections.load(auth, sectionId, 'section.update'),
      body,
      context,
    );
  }

  @Delete('sections/:sectionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a section (leads)' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param('sectionId', uuidParam('sectionId')) sectionId: string,
    @ReqContext() context: RequestContext,
  ): Promise<void> {
    await this.sections.remove(
      await this.sections.load(auth, sectionId, 'section.delete'),
      context,
    );
  }
}
