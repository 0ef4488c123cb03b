import { planKindLabels, type PlanSummary } from '@commonplan/domain';
import { Link } from 'react-router';
import { DataTable } from '../shared/components/data-table.component';
import { formatDate, formatPeriod } from '../shared/format/format';
import { PlanStatusTag } from './plan-status-tag.component';

export function PlansTable({ plans }: { plans: PlanSummary[] }) {
  return (
    <DataTable caption="Plans" headings={['Plan', 'Period', 'Sections', 'Last changed', 'Status']}>
      {plans.map((plan) => (
        <tr className="nhsuk-table__row" key={plan.id}>
          <td className="nhsuk-table__cell">
            <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
            <br />
            <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
              {planKindLabels[plan.kind]}
            </span>
          </td>
          <td className="nhsuk-table__cell">{formatPeriod(plan.periodStart, plan.periodEnd)}</td>
          <td className="nhsuk-table__cell">{plan.sectionCount}</td>
          <td className="nhsuk-table__cell">{formatDate(plan.updatedAt)}</td>
          <td className="nhsuk-table__cell">
            <PlanStatusTag status={plan.status} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
