import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { DraftContents } from './draft-contents.service.js';
import { DraftProgressRelay } from './draft-progress.relay.js';
import { DraftsController } from './drafts.controller.js';
import { DraftsGateway } from './drafts.gateway.js';
import { DraftsService } from './drafts.service.js';
import { PlanDraftSection } from './plan-draft-section.entity.js';
import { PlanDraft } from './plan-draft.entity.js';

/**
 * Owns drafts of plans on the API side: asking for one, reading, retrying and comparing them, and
 * relaying the worker's progress to browsers. The worker's side is `DraftGenerateJob`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PlanDraft, PlanDraftSection]), PlansModule, AuditModule],
  controllers: [DraftsController],
  providers: [DraftsService, DraftContents, DraftsGateway, DraftProgressRelay],
  exports: [DraftContents],
})
export class DraftsModule {}
