import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { FootprintsModule } from '../footprints/footprints.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { SectionAssignee } from './section-assignee.entity.js';
import { SectionDocument } from './section-document.entity.js';
import { SectionUpdate } from './section-update.entity.js';
import { Section } from './section.entity.js';
import { SectionsController } from './sections.controller.js';
import { SectionsService } from './sections.service.js';

/** Owns the sections of plans: order, theme, lead organisation, assignees and review status. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Section, SectionAssignee, SectionDocument, SectionUpdate]),
    PlansModule,
    FootprintsModule,
    AuditModule,
  ],
  controllers: [SectionsController],
  providers: [SectionsService],
  exports: [SectionsService],
})
export class SectionsModule {}
