import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import { CollabModule } from './collab/collab.module.js';
import { CommentsModule } from './comments/comments.module.js';
import { ConsultationModule } from './consultation/consultation.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DraftSchedulesModule } from './draft-schedules/draft-schedules.module.js';
import { DraftsModule } from './drafts/drafts.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { FootprintsModule } from './footprints/footprints.module.js';
import { HealthModule } from './health/health.module.js';
import { InvitationsModule } from './invitations/invitations.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OperationsModule } from './operations/operations.module.js';
import { PlansModule } from './plans/plans.module.js';
import { PublishingModule } from './publishing/publishing.module.js';
import { RedisModule } from './redis/redis.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { SectionsModule } from './sections/sections.module.js';

/** The HTTP API: every feature module, on one database, one Redis and the job queues. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, logger),
        DatabaseModule,
        RedisModule,
        JobsModule,
        AuditModule,
        AuthModule,
        FootprintsModule,
        InvitationsModule,
        PlansModule,
        SectionsModule,
        CollabModule,
        CommentsModule,
        NotificationsModule,
        ReviewsModule,
        DashboardModule,
        DraftsModule,
        PublishingModule,
        DraftSchedulesModule,
        ExportsModule,
        ConsultationModule,
        HealthModule,
        MetricsModule,
        OperationsModule,
      ],
    };
  }
}
