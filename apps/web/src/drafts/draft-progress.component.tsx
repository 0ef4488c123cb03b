import type { DraftSummary } from '@commonplan/domain';

/** How far the worker has got with a draft: sections rendered of the plan's total. */
export function DraftProgress({ draft }: { draft: DraftSummary }) {
  const label = `Draft ${draft.number}: ${draft.sectionsDone} of ${draft.sectionsTotal} sections rendered`;
  const percent = draft.sectionsTotal === 0 ? 0 : (100 * draft.sectionsDone) / draft.sectionsTotal;
  return (
    <div className="app-draft-progress">
      <div
        className="app-draft-progress__bar"
        role="progressbar"
        aria-label={`Draft ${draft.number} progress`}
        aria-valuemin={0}
        aria-valuemax={draft.sectionsTotal}
        aria-valuenow={draft.sectionsDone}
        aria-valuetext={label}
      >
        <div className="app-draft-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="nhsuk-body-s app-draft-progress__text">
        {draft.sectionsDone} of {draft.sectionsTotal} sections
      </p>
    </div>
  );
}
