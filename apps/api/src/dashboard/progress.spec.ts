import { describe, expect, it } from '@jest/globals';
import { daysBetween, isOverdue, statusByDay, wordsByDay } from './progress.js';

describe('plan progress over time', () => {
  it('lists every day between two days, keeping only the latest ones past the limit', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysBetween('2025-01-01', '2026-03-02', 2)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('counts sections by the status each day left them in, from the day they were made', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    const sections = [
      { id: 'a', createdDay: '2026-03-01' },
      { id: 'b', createdDay: '2026-03-02' },
    ];
    const events = [
      { sectionId: 'a', day: '2026-03-02', to: 'in_review' as const },
      { sectionId: 'a', day: '2026-03-03', to: 'approved' as const },
    ];
    expect(statusByDay(days, sections, events).map((d) => d.counts)).toEqual([
      { draft: 1, in_review: 0, changes_requested: 0, approved: 0 },
      { draft: 1, in_review: 1, changes_requested: 0, approved: 0 },
      { draft: 1, in_review: 0, changes_requested: 0, approved: 1 },
    ]);
  });

  it('carries word counts over days nobody counted, and writes none on a day of cuts', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];
    const counts = [
      { sectionId: 'a', day: '2026-03-01', words: 100 },
      { sectionId: 'b', day: '2026-03-03', words: 50 },
      { sectionId: 'a', day: '2026-03-04', words: 80 },
    ];
    expect(wordsByDay(days, counts)).toEqual([
      { day: '2026-03-01', words: 100, written: 100 },
      { day: '2026-03-02', words: 100, written: 0 },
      { day: '2026-03-03', words: 150, written: 50 },
      { day: '2026-03-04', words: 130, written: 0 },
    ]);
  });

  it('calls a section overdue only after its due date and until it is approved', () => {
    expect(isOverdue('2026-03-01', 'in_review', '2026-03-02')).toBe(true);
    expect(isOverdue('2026-03-02', 'in_review', '2026-03-02')).toBe(false);
    expect(isOverdue('2026-03-01', 'approved', '2026-03-02')).toBe(false);
    expect(isOverdue(null, 'draft', '2026-03-02')).toBe(false);
  });
});
