import type { DraftSummary } from '@commonplan/domain';
import { Link } from 'react-router';
import { DataTable } from '../shared/components/data-table.component';
import { formatDateTime, formatNumber } from '../shared/format/format';
import { DraftProgress } from './draft-progress.component';
import { FailedForGood } from './failed-for-good.component';
import { DraftStatusTag } from './draft-status-tag.component';

interface DraftsTableProps {
  drafts: DraftSummary[];
  /** The publication number of each published draft, by draft id. */
  published: ReadonlyMap<string, number>;
  canRetry: boolean;
  onRetry: (draft: DraftSummary) => void;
}

function Changes({ draft }: { draft: DraftSummary }) {
  const changes = draft.changesSincePrevious;
  if (draft.status !== 'ready') return null;
  if (!changes) return <>First draft</>;
  const { summary } = changes;
  const sections = summary.sectionsChanged + summary.sectionsAdded + summary.sectionsRemoved;
  return (
    <>
      Since draft {changes.previousNumber}: {sections} {sections === 1 ? 'section' : 'sections'}{' '}
      changed, {formatNumber(summary.wordsAdded)} words added, {formatNumber(summary.wordsRemoved)}{' '}
      removed
    </>
  );
}

/** A plan's drafts, newest first, each with where it stands and what can be done with it. */
export function DraftsTable({ drafts, published, canRetry, onRetry }: DraftsTableProps) {
  return (
    <DataTable
      caption="Drafts of this plan"
      headings={['Draft', 'Status', 'Asked for', 'Words and changes']}
    >
      {drafts.map((draft) => (
        <tr className="nhsuk-table__row" key={draft.id}>
          <td className="nhsuk-table__cell">
            {draft.status === 'ready' ? (
              <Link to={`/drafts/${draft.id}`}>
                Draft {draft.number}: {draft.label}
              </Link>
            ) : (
              <>
                Draft {draft.number}: {draft.label}
              </>
            )}
          </td>
          <td className="nhsuk-table__cell">
            <DraftStatusTag status={draft.status} />
            {published.has(draft.id) ? (
              <>
                {' '}
                <strong
                  className="nhsuk-tag nhsuk-tag--purple app-tag-nowrap"
                  title={`Publication ${published.get(draft.id)}`}
                >
                  Published
                </strong>
              </>
            ) : null}
            {draft.status === 'queued' || draft.status === 'generating' ? (
              <DraftProgress draft={draft} />
            ) : null}
            {draft.status === 'failed' ? (
              <>
                <FailedForGood reason={draft.failureReason} what="draft" canRetry={canRetry} />
                {canRetry ? (
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                    onClick={() => onRetry(draft)}
                  >
                    Try again
                    <span className="nhsuk-u-visually-hidden"> to make draft {draft.number}</span>
                  </button>
                ) : null}
              </>
            ) : null}
          </td>
          <td className="nhsuk-table__cell">
            {formatDateTime(draft.requestedAt)}
            {draft.requestedBy ? (
              <> by {draft.requestedBy.name}</>
            ) : (
              <>
                {' '}
                <strong className="nhsuk-tag nhsuk-tag--grey">Scheduled</strong>
              </>
            )}
          </td>
          <td className="nhsuk-table__cell">
            {draft.words !== null ? <>{formatNumber(draft.words)} words. </> : null}
            <Changes draft={draft} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
