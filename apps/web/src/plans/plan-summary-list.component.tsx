import { planKindLabels, type PlanView } from '@commonplan/domain';
import { formatDate, formatPeriod } from '../shared/format/format';
import { PlanStatusTag } from './plan-status-tag.component';

export function PlanSummaryList({ plan, sectionCount }: { plan: PlanView; sectionCount: number }) {
  return (
    <dl className="nhsuk-summary-list">
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Kind</dt>
        <dd className="nhsuk-summary-list__value">{planKindLabels[plan.kind]}</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Period</dt>
        <dd className="nhsuk-summary-list__value">
          {formatPeriod(plan.periodStart, plan.periodEnd)}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Status</dt>
        <dd className="nhsuk-summary-list__value">
          <PlanStatusTag status={plan.status} />
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Sections</dt>
        <dd className="nhsuk-summary-list__value">{sectionCount}</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Last changed</dt>
        <dd className="nhsuk-summary-list__value">{formatDate(plan.updatedAt)}</dd>
      </div>
    </dl>
  );
}
