import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { countWords, sectionBlockTexts } from '@commonplan/editor';
import { DataSource } from 'typeorm';
import { SectionUpdateLog } from '../collab/section-update-log.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { JobContext, JobHandler } from '../jobs/job-handler.js';
import { JobName } from '../jobs/job-names.js';
import { recordDailyWords, type DailyWords } from './daily-words.js';

/**
 * Keeps the words-per-day history whether or not anyone opens the dashboard: every few minutes
 * (DASHBOARD_WORDS_EVERY_SECONDS) the worker counts the words of each section whose text changed
 * since it last looked, from what PostgreSQL holds (every acknowledged edit), and records the count
 * under the day of the section's latest change. Nothing changed after that change, so a section
 * last edited at 23:55 is counted for that day even when the worker looks after midnight.
 */
@Injectable()
export class DailyWordsJob implements JobHandler<JobName.DailyWordsRecord> {
  readonly name = JobName.DailyWordsRecord;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: SectionUpdateLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(
    _payload: Record<string, never>,
    context: JobContext,
  ): Promise<{ sections: number; stoppedEarly: boolean }> {
    // Twice the interval, so a late or missed run leaves no section out.
    const lookbackSeconds = this.config.dashboard.wordsEverySeconds * 2;
    const changed = await this.dataSource.query<Array<{ section_id: string; day: string }>>(
      `SELECT section_id, to_char(max(changed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
         FROM (SELECT section_id, created_at AS changed_at FROM section_updates
                WHERE created_at > now() - make_interval(secs => $1)
               UNION ALL
               SELECT section_id, updated_at FROM section_documents
                WHERE updated_at > now() - make_interval(secs => $1)) AS changes
        GROUP BY section_id`,
      [lookbackSeconds],
    );
    const counts: DailyWords[] = [];
    let stoppedEarly = false;
    for (const { section_id: sectionId, day } of changed) {
      // A stopping worker keeps what it counted; the next run looks back far enough for the rest.
      if (context.stopping()) {
        stoppedEarly = true;
        break;
      }
      counts.push({ sectionId, day, words: await this.wordsOf(sectionId) });
    }
    await recordDailyWords(this.dataSource, counts);
    return { sections: counts.length, stoppedEarly };
  }

  private async wordsOf(sectionId: string): Promise<number> {
    const { doc } = await this.log.loadDocument(sectionId);
    try {
      return countWords(sectionBlockTexts(doc));
    } finally {
      doc.destroy();
    }
  }
}
