import type { DraftSectionView, DraftSummary } from '@commonplan/domain';
import type { PlanDraftSection } from './plan-draft-section.entity.js';
import type { PlanDraft } from './plan-draft.entity.js';

export function toDraftSummary(draft: PlanDraft): DraftSummary {
  return {
    id: draft.id,
    planId: draft.planId,
    number: draft.number,
    label: draft.label,
    status: draft.status,
    failureReason: draft.status === 'failed' ? draft.failureReason : null,
    requestedBy: draft.requestedBy
      ? { id: draft.requestedBy.id, name: draft.requestedBy.name }
      : null,
    requestedAt: draft.requestedAt.toISOString(),
    readyAt: draft.readyAt?.toISOString() ?? null,
    sectionsTotal: draft.sectionsTotal,
    sectionsDone: draft.sectionsDone,
    words: draft.words,
    changesSincePrevious:
      draft.previousNumber !== null && draft.changesSummary
        ? { previousNumber: draft.previousNumber, summary: draft.changesSummary }
        : null,
  };
}

export function toDraftSectionView(section: PlanDraftSection): DraftSectionView {
  return {
    sectionId: section.sectionId,
    position: section.position,
    title: section.title,
    theme: section.theme,
    reviewStatus: section.reviewStatus,
    html: section.html ?? '',
    markdown: section.markdown ?? '',
    words: section.words ?? 0,
  };
}
