import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ConsultationFormTokens } from './consultation-form-tokens.js';
import { ConsultationModerationService } from './consultation-moderation.service.js';
import { ConsultationRateLimit } from './consultation-rate-limit.js';
import { ConsultationResponse } from './consultation-response.entity.js';
import { ConsultationResponsesService } from './consultation-responses.service.js';
import { ConsultationController } from './consultation.controller.js';
import { ConsultationService } from './consultation.service.js';
import { PlanConsultation } from './plan-consultation.entity.js';
import { PublicConsultationController } from './public-consultation.controller.js';

/**
 * Owns public consultation on a plan's published draft: the dates leads set, responses from anyone
 * (rate-limited and checked for spam), moderation and export. Exports `ConsultationService` for
 * the dashboard's counts.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([PlanConsultation, ConsultationResponse]),
    PlansModule,
    AuditModule,
  ],
  controllers: [PublicConsultationController, ConsultationController],
  providers: [
    ConsultationService,
    ConsultationResponsesService,
    ConsultationModerationService,
    ConsultationRateLimit,
    ConsultationFormTokens,
  ],
  exports: [ConsultationService],
})
export class ConsultationModule {}
