import type { ApprovalChangesView, BlockChange } from '@commonplan/domain';
import { PanelError } from '../shared/components/panel-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { formatDateTime } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { getApprovalChanges } from './reviews.api';

const blockLabels: Record<BlockChange['kind'], string> = {
  unchanged: 'Unchanged',
  added: 'Added paragraph',
  removed: 'Removed paragraph',
  changed: 'Changed paragraph',
};

/**
 * The text now against the text approved, word by word. Insertions and deletions are real `<ins>`
 * and `<del>` elements, underlined and struck through and announced in words, not shown by colour
 * alone; unchanged paragraphs are folded away.
 */
export function ApprovalChanges({ sectionId, version }: { sectionId: string; version: string }) {
  const changes = useApiResource<ApprovalChangesView>(
    `approval-changes:${sectionId}:${version}`,
    (signal) => getApprovalChanges(sectionId, signal),
  );
  if (changes.error)
    return (
      <PanelError error={changes.error} what="the changes since approval" retry={changes.reload} />
    );
  if (!changes.data) return <LoadingMessage text="Comparing with the approved text…" />;
  const view = changes.data;
  const unchanged = view.blocks.filter((b) => b.kind === 'unchanged').length;
  return (
    <div className="app-approval-changes">
      <p className="nhsuk-body-s">
        Approved by {view.approvedBy?.name ?? 'a former member'} on{' '}
        {formatDateTime(view.approvedAt)}. Since then: {view.wordsAdded}{' '}
        {view.wordsAdded === 1 ? 'word' : 'words'} added, {view.wordsRemoved}{' '}
        {view.wordsRemoved === 1 ? 'word' : 'words'} removed
        {unchanged > 0
          ? `; ${unchanged} unchanged ${unchanged === 1 ? 'paragraph is' : 'paragraphs are'} not shown`
          : ''}
        .
      </p>
      <ol className="nhsuk-list app-approval-changes__blocks">
        {view.blocks
          .map((block, index) => ({ block, index }))
          .filter(({ block }) => block.kind !== 'unchanged')
          .map(({ block, index }) => (
            <li
              key={index}
              className={`app-approval-changes__block app-approval-changes__block--${block.kind}`}
            >
              <span className="nhsuk-body-s app-approval-changes__label">
                {blockLabels[block.kind]}
              </span>
              <p className="nhsuk-body nhsuk-u-margin-bottom-0">
                {block.parts.map((part, partIndex) =>
                  part.kind === 'added' ? (
                    <ins key={partIndex}>
                      <span className="nhsuk-u-visually-hidden">[added: </span>
                      {part.text}
                      <span className="nhsuk-u-visually-hidden">]</span>
                    </ins>
                  ) : part.kind === 'removed' ? (
                    <del key={partIndex}>
                      <span className="nhsuk-u-visually-hidden">[removed: </span>
                      {part.text}
                      <span className="nhsuk-u-visually-hidden">]</span>
                    </del>
                  ) : (
                    <span key={partIndex}>{part.text}</span>
                  ),
                )}
              </p>
            </li>
          ))}
      </ol>
    </div>
  );
}
