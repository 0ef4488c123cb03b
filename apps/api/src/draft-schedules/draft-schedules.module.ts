import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { DraftSchedulesController } from './draft-schedules.controller.js';
import { DraftSchedulesService } from './draft-schedules.service.js';

/**
 * Owns plans' draft schedules on the API side: reading, setting and removing them. The worker's
 * side, which makes the drafts when a schedule falls due, is `DraftSchedulesRunJob`.
 */
@Module({
  imports: [PlansModule, AuditModule],
  controllers: [DraftSchedulesController],
  providers: [DraftSchedulesService],
})
export class DraftSchedulesModule {}
