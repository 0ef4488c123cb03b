import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  reviewStatuses,
  sectionThemes,
  type PlanDashboardView,
  type ReviewStatus,
} from '@commonplan/domain';
import { countWords, sectionBlockTexts } from '@commonplan/editor';
import { DataSource } from 'typeorm';
import { RealtimeRooms } from '../collab/realtime-rooms.service.js';
import { CommentsService } from '../comments/comments.service.js';
import { ConsultationService } from '../consultation/consultation.service.js';
import { SectionTextReader } from '../collab/section-text-reader.service.js';
import { toOrganisationView } from '../organisations/organisation.view.js';
import { recordDailyWords } from './daily-words.js';
import type { PlanAccess } from '../plans/plans.service.js';
import { Section } from '../sections/section.entity.js';
import { daysBetween, dayOf, isOverdue, statusByDay, wordsByDay } from './progress.js';

/**
 * A plan at a glance: sections by status and theme, words, due dates, who is in each section now,
 * and progress over time. Counting a section's words also records today's count, which is where
 * the words-per-day history comes from (see docs/decisions/0009-review-decisions-and-notifications.md).
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly text: SectionTextReader,
    private readonly rooms: RealtimeRooms,
    private readonly comments: CommentsService,
    private readonly consultation: ConsultationService,
  ) {}

  async view(planAccess: PlanAccess): Promise<PlanDashboardView> {
    const plan = planAccess.plan;
    const sections = await this.dataSource.getRepository(Section).find({
      where: { planId: plan.id },
      relations: { leadOrganisation: true },
      order: { position: 'ASC' },
    });
    const today = dayOf(new Date());
    const words = new Map<string, number>();
    for (const section of sections) words.set(section.id, await this.countWords(section.id));
    await this.recordWords(today, words);
    const [editing, openThreads, events, dailyWords] = await Promise.all([
      this.rooms.peopleIn(sections.map((s) => s.id)).catch(() => new Map<string, never[]>()),
      this.comments.openThreadCountsBySection(plan.id),
      this.dataSource.query<Array<{ section_id: string; day: string; to_status: ReviewStatus }>>(
        `SELECT e.section_id, to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, e.to_status
           FROM section_review_events e JOIN sections s ON s.id = e.section_id
          WHERE s.plan_id = $1 ORDER BY e.id`,
        [plan.id],
      ),
      this.dataSource.query<Array<{ section_id: string; day: string; words: number }>>(
        `SELECT w.section_id, to_char(w.day, 'YYYY-MM-DD') AS day, w.words
           FROM section_daily_words w JOIN sections s ON s.id = w.section_id
          WHERE s.plan_id = $1`,
        [plan.id],
      ),
    ]);
    const firstDay = [dayOf(plan.createdAt), ...sections.map((s) => dayOf(s.createdAt))].sort()[0]!;
    const days = daysBetween(firstDay, today);
    const byStatus = Object.fromEntries(reviewStatuses.map((status) => [status, 0])) as Record<
      ReviewStatus,
      number
    >;
    for (const section of sections) byStatus[section.reviewStatus] += 1;
    return {
      planId: plan.id,
      title: plan.title,
      showsOverdue: planAccess.actor.role === 'lead',
      byStatus,
      byTheme: sectionThemes
        .map((theme) => ({ theme, count: sections.filter((s) => s.theme === theme).length }))
        .filter((entry) => entry.count > 0),
      sections: sections.map((section) => ({
        id: section.id,
        title: section.title,
        theme: section.theme,
        leadOrganisation: toOrganisationView(section.leadOrganisation),
        status: section.reviewStatus,
        words: words.get(section.id) ?? 0,
        dueDate: section.dueDate,
        overdue: isOverdue(section.dueDate, section.reviewStatus, today),
        openThreads: openThreads[section.id] ?? 0,
        editingNow: (editing.get(section.id) ?? []).map((person) => ({
          userId: person.id,
          name: person.name,
        })),
      })),
      statusByDay: statusByDay(
        days,
        sections.map((section) => ({ id: section.id, createdDay: dayOf(section.createdAt) })),
        events.map((event) => ({
          sectionId: event.section_id,
          day: event.day,
          to: event.to_status,
        })),
      ),
      wordsByDay: wordsByDay(
        days,
        dailyWords.map((row) => ({ sectionId: row.section_id, day: row.day, words: row.words })),
      ),
      totalWords: [...words.values()].reduce((sum, n) => sum + n, 0),
      consultation: await this.consultation.dashboard(plan.id),
    };
  }

  private async countWords(sectionId: string): Promise<number> {
    const doc = await this.text.currentDoc(sectionId);
    try {
      return countWords(sectionBlockTexts(doc));
    } finally {
      doc.destroy();
    }
  }

  /** Keeps today's count for each section (the last one taken today wins). */
  private recordWords(day: string, words: Map<string, number>): Promise<void> {
    return recordDailyWords(
      this.dataSource,
      [...words].map(([sectionId, count]) => ({ sectionId, day, words: count })),
    );
  }
}
