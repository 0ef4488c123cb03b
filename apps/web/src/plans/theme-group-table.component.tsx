import { sectionThemeLabels, type SectionView } from '@commonplan/domain';
import { Link } from 'react-router';
import { AssigneeNames } from '../sections/assignee-names.component';
import { ReviewStatusTag } from '../sections/review-status-tag.component';
import { DataTable } from '../shared/components/data-table.component';
import { formatDate } from '../shared/format/format';
import type { ThemeGroup } from './section-order';

interface ThemeGroupTableProps {
  group: ThemeGroup;
  canReorder: boolean;
  onMove: (section: SectionView, direction: 'up' | 'down') => void;
}

/** One theme's sections, in plan order, with who leads and writes each and where its review stands. */
export function ThemeGroupTable({ group, canReorder, onMove }: ThemeGroupTableProps) {
  const headingId = `theme-${group.theme}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2" id={headingId}>
        {sectionThemeLabels[group.theme]}
      </h3>
      <DataTable
        caption={`Sections about ${sectionThemeLabels[group.theme].toLowerCase()}`}
        headings={['Section', 'Lead organisation', 'People', 'Review']}
        actionsHeading={canReorder ? 'Order' : undefined}
        className="app-section-table"
      >
        {group.sections.map((section, index) => (
          <tr className="nhsuk-table__row" key={section.id}>
            <td className="nhsuk-table__cell">
              <Link to={`/sections/${section.id}`}>{section.title}</Link>
              {section.dueDate ? (
                <>
                  <br />
                  <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                    Due {formatDate(section.dueDate)}
                  </span>
                </>
              ) : null}
            </td>
            <td className="nhsuk-table__cell">
              {section.leadOrganisation?.name ?? (
                <span className="nhsuk-u-secondary-text-colour">Not chosen</span>
              )}
            </td>
            <td className="nhsuk-table__cell nhsuk-body-s">
              <span className="nhsuk-u-font-weight-bold">Authors: </span>
              <AssigneeNames people={section.authors} />
              <br />
              <span className="nhsuk-u-font-weight-bold">Reviewers: </span>
              <AssigneeNames people={section.reviewers} />
            </td>
            <td className="nhsuk-table__cell">
              <ReviewStatusTag status={section.reviewStatus} />
            </td>
            {canReorder ? (
              <td className="nhsuk-table__cell">
                <ul className="app-inline-actions">
                  {index > 0 ? (
                    <li>
                      <button
                        type="button"
                        id={`move-up-${section.id}`}
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                        onClick={() => onMove(section, 'up')}
                      >
                        Move up
                        <span className="nhsuk-u-visually-hidden"> {section.title}</span>
                      </button>
                    </li>
                  ) : null}
                  {index < group.sections.length - 1 ? (
                    <li>
                      <button
                        type="button"
                        id={`move-down-${section.id}`}
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                        onClick={() => onMove(section, 'down')}
                      >
                        Move down
                        <span className="nhsuk-u-visually-hidden"> {section.title}</span>
                      </button>
                    </li>
                  ) : null}
                </ul>
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
