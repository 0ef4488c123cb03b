import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { FootprintsModule } from '../footprints/footprints.module.js';
import { Plan } from './plan.entity.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';

/** Owns plans: their details and their status from drafting to archived. */
@Module({
  imports: [TypeOrmModule.forFeature([Plan]), FootprintsModule, AuditModule],
  controllers: [PlansController],
  providers: [PlansService],
  exports: [PlansService],
})
export class PlansModule {}
