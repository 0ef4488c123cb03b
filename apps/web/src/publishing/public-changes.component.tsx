import type { PublicPlanView, PublicSectionChange } from '@commonplan/domain';
import { BlockChangeView } from '../drafts/block-change.component';
import { formatNumber } from '../shared/format/format';

type Changes = NonNullable<PublicPlanView['changesSincePrevious']>;

const sectionTags: Record<PublicSectionChange['change'], { text: string; colour: string }> = {
  same: { text: 'No change', colour: 'nhsuk-tag--grey' },
  changed: { text: 'Changed', colour: 'nhsuk-tag--blue' },
  added: { text: 'New section', colour: 'nhsuk-tag--green' },
  removed: { text: 'Section removed', colour: 'nhsuk-tag--red' },
};

function plural(count: number, noun: string): string {
  return `${formatNumber(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function SectionChangeDetails({ section, index }: { section: PublicSectionChange; index: number }) {
  const tag = sectionTags[section.change];
  const headingId = `change-${index}`;
  return (
    <section className="app-diff-section" aria-labelledby={headingId}>
      <h3 className="nhsuk-heading-s" id={headingId}>
        {section.anchor ? <a href={`#${section.anchor}`}>{section.title}</a> : section.title}{' '}
        <strong className={`nhsuk-tag ${tag.colour} app-tag-nowrap`}>{tag.text}</strong>
      </h3>
      {section.previousTitle ? (
        <p className="nhsuk-body-s">Renamed from “{section.previousTitle}”.</p>
      ) : null}
      {section.moved ? <p className="nhsuk-body-s">Moved to another place in the plan.</p> : null}
      <p className="nhsuk-body-s">
        {plural(section.wordsAdded, 'word')} added, {plural(section.wordsRemoved, 'word')} removed.
      </p>
      {section.blocks
        .filter((block) => block.change !== 'same')
        .map((block, blockIndex) => (
          <BlockChangeView key={blockIndex} change={block} layout="inline" />
        ))}
    </section>
  );
}

/** What changed since the publication before: a summary, and each section's changes on request. */
export function PublicChanges({ changes }: { changes: Changes }) {
  const { summary } = changes;
  return (
    <section className="nhsuk-card" aria-labelledby="changes-heading">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id="changes-heading">
          What changed since publication {changes.previousNumber}
        </h2>
        <ul className="nhsuk-list nhsuk-list--bullet" aria-label="Summary of changes">
          <li>{plural(summary.sectionsChanged, 'section')} changed</li>
          <li>{plural(summary.sectionsAdded, 'section')} added</li>
          <li>{plural(summary.sectionsRemoved, 'section')} removed</li>
          <li>
            {plural(summary.wordsAdded, 'word')} added, {plural(summary.wordsRemoved, 'word')}{' '}
            removed
          </li>
        </ul>
        {changes.sections.length === 0 ? (
          <p className="nhsuk-body">
            The text is the same as publication {changes.previousNumber}.
          </p>
        ) : (
          <details className="nhsuk-details nhsuk-u-margin-bottom-0">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">See what changed in each section</span>
            </summary>
            <div className="nhsuk-details__text">
              {changes.sections.map((section, index) => (
                <SectionChangeDetails key={index} section={section} index={index} />
              ))}
            </div>
          </details>
        )}
      </div>
    </section>
  );
}
