import type { DraftComparison } from '@commonplan/domain';
import type { SectionChange } from '@commonplan/render';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { formatNumber } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { BlockChangeView, type ComparisonLayout } from './block-change.component';
import { compareDrafts } from './drafts.api';

const sectionTags: Record<SectionChange['change'], { text: string; colour: string }> = {
  same: { text: 'No change', colour: 'nhsuk-tag--grey' },
  changed: { text: 'Changed', colour: 'nhsuk-tag--blue' },
  added: { text: 'New section', colour: 'nhsuk-tag--green' },
  removed: { text: 'Section removed', colour: 'nhsuk-tag--red' },
};

function SectionComparison({
  section,
  layout,
}: {
  section: SectionChange;
  layout: ComparisonLayout;
}) {
  const tag = sectionTags[section.change];
  return (
    <section className="app-diff-section" aria-labelledby={`diff-${section.sectionId}`}>
      <h2 className="nhsuk-heading-m" id={`diff-${section.sectionId}`}>
        {section.title}{' '}
        <strong className={`nhsuk-tag ${tag.colour} app-tag-nowrap`}>{tag.text}</strong>
      </h2>
      {section.previousTitle ? (
        <p className="nhsuk-body-s">Renamed from “{section.previousTitle}”.</p>
      ) : null}
      {section.moved ? <p className="nhsuk-body-s">Moved to another place in the plan.</p> : null}
      {section.change !== 'same' ? (
        <p className="nhsuk-body-s">
          {plural(section.wordsAdded, 'word')} added, {plural(section.wordsRemoved, 'word')}{' '}
          removed.
        </p>
      ) : null}
      {section.change === 'same' ? null : (
        <>
          {layout === 'side-by-side' ? (
            <div className="app-diff-pair app-diff-pair--headings" aria-hidden="true">
              <p className="nhsuk-body-s app-diff-pair__side">Older</p>
              <p className="nhsuk-body-s app-diff-pair__side">Newer</p>
            </div>
          ) : null}
          {section.blocks
            .filter((block) => block.change !== 'same' || layout === 'side-by-side')
            .map((block, index) => (
              <BlockChangeView key={index} change={block} layout={layout} />
            ))}
        </>
      )}
    </section>
  );
}

function plural(count: number, noun: string): string {
  return `${formatNumber(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** What changed from one draft to another: a summary, then each section word by word. */
export function DraftComparisonPage() {
  const { planId = '' } = useParams();
  const [search] = useSearchParams();
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const [layout, setLayout] = useState<ComparisonLayout>('inline');
  const comparison = useApiResource<DraftComparison>(`compare:${from}:${to}`, (signal) =>
    compareDrafts(planId, from, to, signal),
  );
  const data = comparison.data;
  useDocumentTitle(
    data ? `Draft ${data.from.number} compared with draft ${data.to.number}` : 'Comparing drafts',
  );
  if (comparison.error)
    return <LoadError error={comparison.error} what="this comparison" retry={comparison.reload} />;
  if (!data) return <LoadingMessage text="Comparing drafts…" />;
  const { summary } = data;
  const changed = data.sections.filter((section) => section.change !== 'same');

  return (
    <>
      <Breadcrumbs items={[{ text: 'Drafts', to: `/plans/${planId}/drafts` }]} />
      <h1 className="nhsuk-heading-l">
        Draft {data.from.number} compared with draft {data.to.number}
      </h1>
      <p className="nhsuk-body">
        From “{data.from.label}” to “{data.to.label}”.
      </p>
      <div className="nhsuk-card">
        <div className="nhsuk-card__content">
          <h2 className="nhsuk-card__heading nhsuk-heading-m">Summary</h2>
          <ul className="nhsuk-list" aria-label="Summary of changes">
            <li>{plural(summary.sectionsChanged, 'section')} changed</li>
            <li>{plural(summary.sectionsAdded, 'section')} added</li>
            <li>{plural(summary.sectionsRemoved, 'section')} removed</li>
            <li>{plural(summary.sectionsUnchanged, 'section')} unchanged</li>
            <li>{plural(summary.wordsAdded, 'word')} added</li>
            <li>{plural(summary.wordsRemoved, 'word')} removed</li>
          </ul>
        </div>
      </div>

      <div
        className="app-inline-actions nhsuk-u-margin-bottom-4"
        role="group"
        aria-label="Show changes"
      >
        {(['inline', 'side-by-side'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className={`nhsuk-button nhsuk-button--small ${layout === option ? '' : 'nhsuk-button--secondary'}`}
            aria-pressed={layout === option}
            onClick={() => setLayout(option)}
          >
            {option === 'inline' ? 'Inline' : 'Side by side'}
          </button>
        ))}
      </div>

      {changed.length === 0 ? (
        <p className="nhsuk-body">Nothing changed between these drafts.</p>
      ) : (
        changed.map((section) => (
          <SectionComparison key={section.sectionId} section={section} layout={layout} />
        ))
      )}
      {changed.length > 0 && summary.sectionsUnchanged > 0 ? (
        <p className="nhsuk-body">
          {plural(summary.sectionsUnchanged, 'other section')} did not change.
        </p>
      ) : null}
    </>
  );
}
