import type { Page, PlanSummary } from '@commonplan/domain';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { Pagination } from '../shared/components/pagination.component';
import { PanelError } from '../shared/components/panel-error.component';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { usePageNumber } from '../shared/hooks/use-page-number.hook';
import { CreatePlanForm } from './create-plan-form.component';
import { listPlans } from './plans.api';
import { PlansTable } from './plans-table.component';

interface PlansPanelProps {
  slug: string;
  canRead: boolean;
  canCreate: boolean;
}

/** The footprint's plans with their status; leads can start a new one. */
export function PlansPanel({ slug, canRead, canCreate }: PlansPanelProps) {
  const page = usePageNumber('plansPage');
  const plans = useApiResource<Page<PlanSummary> | null>(
    `plans:${slug}:${page}:${canRead}`,
    (signal) => (canRead ? listPlans(slug, page, signal) : Promise.resolve(null)),
  );

  return (
    <section aria-labelledby="plans-heading">
      <h2 className="nhsuk-heading-m" id="plans-heading">
        Plans
      </h2>
      {!canRead ? (
        <p className="nhsuk-body">
          Plans stay with the partnership until they are published, so only its members can read
          them.
        </p>
      ) : null}
      {plans.loading ? <LoadingMessage text="Loading plans…" /> : null}
      {plans.error ? (
        <PanelError error={plans.error} what="the plans" retry={plans.reload} />
      ) : null}
      {plans.data?.total === 0 ? (
        <p className="nhsuk-body">
          {canCreate
            ? 'This footprint has no plans yet. Create the first one below.'
            : 'This footprint has no plans yet. Your partnership lead will create one.'}
        </p>
      ) : null}
      {plans.data && plans.data.items.length > 0 ? (
        <>
          <PlansTable plans={plans.data.items} />
          <Pagination page={plans.data} param="plansPage" />
        </>
      ) : null}
      {canCreate ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Create a plan</span>
          </summary>
          <div className="nhsuk-details__text">
            <CreatePlanForm slug={slug} />
          </div>
        </details>
      ) : null}
    </section>
  );
}
