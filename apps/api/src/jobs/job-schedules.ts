import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobName, QueueName } from './job-names.js';
import { QueueService } from './queue.service.js';

/** How often ended sessions are cleared out. */
const sessionsPurgeEveryMs = 15 * 60_000;

/**
 * The worker's repeatable jobs, each a BullMQ job scheduler on the maintenance queue keyed by its
 * job's name: one scheduler however many workers start, so each runs once per period. They live
 * only in Redis, so the reconciliation writes back any that Redis has lost.
 */
@Injectable()
export class JobSchedules {
  constructor(
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get schedules(): Array<{ name: JobName; everyMs: number }> {
    return [
      { name: JobName.SessionsPurge, everyMs: sessionsPurgeEveryMs },
      { name: JobName.DailyWordsRecord, everyMs: this.config.dashboard.wordsEverySeconds * 1000 },
      // Each due schedule is then taken by one worker (see DraftSchedulesRunJob).
      {
        name: JobName.DraftSchedulesRun,
        everyMs: this.config.draftSchedules.checkEverySeconds * 1000,
      },
      { name: JobName.ConsultationContactsErase, everyMs: 3_600_000 },
    ];
  }

  /**
   * Writes every scheduler (at start, so a changed period takes effect), or with `onlyMissing`
   * those Redis no longer has. Rewriting one keeps its next run. Returns the names written.
   */
  async ensure({ onlyMissing }: { onlyMissing: boolean }): Promise<JobName[]> {
    const queue = this.queues.queue(QueueName.Maintenance);
    const written: JobName[] = [];
    for (const { name, everyMs } of this.schedules) {
      if (onlyMissing && (await this.queues.within(() => queue.getJobScheduler(name)))) continue;
      await this.queues.within(() =>
        queue.upsertJobScheduler(name, { every: everyMs }, { name, data: {} }),
      );
      written.push(name);
    }
    return written;
  }
}
