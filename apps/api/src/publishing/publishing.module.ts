import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { PlanDraft } from '../drafts/plan-draft.entity.js';
import { PlansModule } from '../plans/plans.module.js';
import { PlanPublication } from './plan-publication.entity.js';
import { PublishingController } from './publishing.controller.js';
import { PublishingService } from './publishing.service.js';

/**
 * Owns publishing: a lead makes a ready draft public as the plan's next numbered publication, and
 * members see the plan's publications. Publications are never edited or removed.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PlanPublication, PlanDraft]), PlansModule, AuditModule],
  controllers: [PublishingController],
  providers: [PublishingService],
  exports: [PublishingService],
})
export class PublishingModule {}
