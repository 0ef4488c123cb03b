import type { DataSource } from 'typeorm';

/** A section's word count at the end of a day (so far, for today). */
export interface DailyWords {
  sectionId: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  words: number;
}

/** Records word counts in the history behind the dashboard's words-per-day chart. */
export async function recordDailyWords(
  dataSource: DataSource,
  entries: readonly DailyWords[],
): Promise<void> {
  if (entries.length === 0) return;
  await dataSource.query(
    `INSERT INTO section_daily_words (section_id, day, words, updated_at)
     SELECT t.section_id, t.day, t.words, now()
       FROM unnest($1::uuid[], $2::date[], $3::int[]) AS t(section_id, day, words)
     ON CONFLICT (section_id, day) DO UPDATE SET words = EXCLUDED.words, updated_at = now()`,
    [entries.map((e) => e.sectionId), entries.map((e) => e.day), entries.map((e) => e.words)],
  );
}
