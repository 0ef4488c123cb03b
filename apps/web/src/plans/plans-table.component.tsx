import { planKindLabels, type PlanSummary } from '@commonplan/domain';
import { Link } from 'react-router';
import { formatDate, formatPeriod } from '../shared/format/format';
import { PlanStatusTag } from './plan-status-tag.component';

export function PlansTable({ plans }: { plans: PlanSummary[] }) {
  return (
    <div className="nhsuk-table-container">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Plans</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Plan
            </th>
            <th className="nhsuk-table__header" scope="col">
              Period
            </th>
            <th className="nhsuk-table__header" scope="col">
              Sections
            </th>
            <th className="nhsuk-table__header" scope="col">
              Last changed
            </th>
            <th className="nhsuk-table__header" scope="col">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {plans.map((plan) => (
            <tr className="nhsuk-table__row" key={plan.id}>
              <td className="nhsuk-table__cell">
                <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
                <br />
                <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                  {planKindLabels[plan.kind]}
                </span>
              </td>
              <td className="nhsuk-table__cell">
                {formatPeriod(plan.periodStart, plan.periodEnd)}
              </td>
              <td className="nhsuk-table__cell">{plan.sectionCount}</td>
              <td className="nhsuk-table__cell">{formatDate(plan.updatedAt)}</td>
              <td className="nhsuk-table__cell">
                <PlanStatusTag status={plan.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
