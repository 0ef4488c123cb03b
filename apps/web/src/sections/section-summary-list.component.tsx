import type { ReactNode } from 'react';
import { sectionThemeLabels, type SectionView } from '@commonplan/domain';
import { formatDate } from '../shared/format/format';
import { AssigneeNames } from './assignee-names.component';
import { ReviewStatusTag } from './review-status-tag.component';

export function SectionSummaryList({ section }: { section: SectionView }) {
  const rows: Array<[string, ReactNode]> = [
    ['Theme', sectionThemeLabels[section.theme]],
    ['Lead organisation', section.leadOrganisation?.name ?? 'Not chosen yet'],
    ['Authors', <AssigneeNames people={section.authors} />],
    ['Reviewers', <AssigneeNames people={section.reviewers} />],
    ['Due', section.dueDate ? formatDate(section.dueDate) : 'No due date'],
    ['Review', <ReviewStatusTag status={section.reviewStatus} />],
    ['Last changed', formatDate(section.updatedAt)],
  ];
  return (
    <dl className="nhsuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
