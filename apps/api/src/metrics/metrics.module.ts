import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';

/** Owns /api/metrics: what an operator monitors, gathered from the features' own metric hooks. */
@Module({
  imports: [CollabModule],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class MetricsModule {}
