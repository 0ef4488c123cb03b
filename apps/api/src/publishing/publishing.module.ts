import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { DraftsModule } from '../drafts/drafts.module.js';
import { PlanDraft } from '../drafts/plan-draft.entity.js';
import { PlansModule } from '../plans/plans.module.js';
import { PlanPublication } from './plan-publication.entity.js';
import { PublicPlansController } from './public-plans.controller.js';
import { PublicPlansService } from './public-plans.service.js';
import { PublishingController } from './publishing.controller.js';
import { PublishingService } from './publishing.service.js';

/**
 * Owns publishing: a lead makes a ready draft public as the plan's next numbered publication,
 * members see the plan's publications, and anyone reads the published drafts under
 * `/api/public`. Publications are never edited or removed.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([PlanPublication, PlanDraft]),
    PlansModule,
    DraftsModule,
    AuditModule,
  ],
  controllers: [PublishingController, PublicPlansController],
  providers: [PublishingService, PublicPlansService],
  exports: [PublishingService],
})
export class PublishingModule {}
