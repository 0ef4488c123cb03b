import type { ReactNode } from 'react';

interface DataTableProps {
  /** Names the table for screen readers; it is not shown on screen. */
  caption: string;
  /** The visible column headings, in order. */
  headings: string[];
  /** Heads a last column of buttons, for screen readers only; leave it out when there is none. */
  actionsHeading?: string;
  /** Added to the table's own class, for tables styled differently. */
  className?: string;
  /** The body rows. */
  children: ReactNode;
}

/** The NHS table every list in Commonplan uses: a hidden caption, column headings and the rows. */
export function DataTable({
  caption,
  headings,
  actionsHeading,
  className,
  children,
}: DataTableProps) {
  return (
    <div className="nhsuk-table-container">
      <table className={className ? `nhsuk-table ${className}` : 'nhsuk-table'}>
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {headings.map((heading) => (
              <th className="nhsuk-table__header" scope="col" key={heading}>
                {heading}
              </th>
            ))}
            {actionsHeading ? (
              <th className="nhsuk-table__header" scope="col">
                <span className="nhsuk-u-visually-hidden">{actionsHeading}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">{children}</tbody>
      </table>
    </div>
  );
}
