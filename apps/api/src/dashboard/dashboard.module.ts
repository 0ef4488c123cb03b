import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../collab/collab.module.js';
import { CommentsModule } from '../comments/comments.module.js';
import { ConsultationModule } from '../consultation/consultation.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';
import { SectionDailyWords } from './section-daily-words.entity.js';

/** Owns the plan dashboard and the daily word counts behind its progress chart. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SectionDailyWords]),
    PlansModule,
    CollabModule,
    CommentsModule,
    ConsultationModule,
  ],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
