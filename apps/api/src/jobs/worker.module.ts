import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuthModule } from '../auth/auth.module.js';
import { SessionsPurgeJob } from '../auth/sessions-purge.job.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { SectionUpdateLog } from '../collab/section-update-log.js';
import { ConsultationContactsEraseJob } from '../consultation/consultation-contacts-erase.job.js';
import { DailyWordsJob } from '../dashboard/daily-words.job.js';
import { AuditModule } from '../audit/audit.module.js';
import { DraftSchedulesRunJob } from '../draft-schedules/draft-schedules-run.job.js';
import { DraftGenerateJob } from '../drafts/draft-generate.job.js';
import { DraftNotices } from '../drafts/draft-notices.js';
import { DraftQueue } from '../drafts/draft-queue.js';
import { DraftsPendingWork } from '../drafts/drafts-pending-work.js';
import { NotificationEmails } from '../notifications/notification-emails.js';
import { NotificationStore } from '../notifications/notification-store.js';
import { DraftExportJob } from '../exports/draft-export.job.js';
import { ExportQueue } from '../exports/export-queue.js';
import { ExportsPendingWork } from '../exports/exports-pending-work.js';
import { MailSendJob } from '../mail/mail-send.job.js';
import { MailModule } from '../mail/mail.module.js';
import { RedisModule } from '../redis/redis.module.js';
import { JOB_HANDLERS, type JobHandler } from './job-handler.js';
import { JobReconciler } from './job-reconciler.js';
import { JobSchedules } from './job-schedules.js';
import { JobsModule } from './jobs.module.js';
import { PENDING_WORK, type PendingWork } from './pending-work.js';

/**
 * The worker process: every job handler, the job schedulers, and the reconciliation that keeps the
 * queues in line with PostgreSQL, on the same database and Redis as the API.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config, logger),
        DatabaseModule,
        RedisModule,
        JobsModule,
        AuthModule,
        MailModule,
        AuditModule,
      ],
      providers: [
        SessionsPurgeJob,
        DraftGenerateJob,
        SectionUpdateLog,
        DailyWordsJob,
        DraftExportJob,
        DraftQueue,
        DraftSchedulesRunJob,
        DraftNotices,
        NotificationStore,
        NotificationEmails,
        ConsultationContactsEraseJob,
        ExportQueue,
        DraftsPendingWork,
        ExportsPendingWork,
        JobSchedules,
        JobReconciler,
        {
          provide: PENDING_WORK,
          inject: [DraftsPendingWork, ExportsPendingWork],
          useFactory: (...work: PendingWork[]) => work,
        },
        {
          provide: JOB_HANDLERS,
          inject: [
            MailSendJob,
            SessionsPurgeJob,
            DraftGenerateJob,
            DailyWordsJob,
            DraftSchedulesRunJob,
            DraftExportJob,
            ConsultationContactsEraseJob,
          ],
          useFactory: (...handlers: JobHandler[]) => handlers,
        },
      ],
    };
  }
}
