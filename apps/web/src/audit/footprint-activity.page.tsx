import type { AuditEventView, MemberView, Page, PlanSummary } from '@commonplan/domain';
import { useParams, useSearchParams } from 'react-router';
import { listMembers } from '../footprints/footprints.api';
import { listPlans } from '../plans/plans.api';
import { fetchAllPages } from '../shared/api/fetch-all-pages';
import { ActivityFiltersForm } from './activity-filters-form.component';
import { readActivityFilters, type ActivityFilters } from './activity-filters';
import { useFootprint } from '../footprints/use-footprint.hook';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { DataTable } from '../shared/components/data-table.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { Pagination } from '../shared/components/pagination.component';
import { PanelError } from '../shared/components/panel-error.component';
import { formatDateTime } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { usePageNumber } from '../shared/hooks/use-page-number.hook';
import { listAuditEvents } from './audit.api';
import { describeAuditEvent } from './describe-audit-event';

/** The footprint's audit trail, newest first, for leads and the service's administrators. */
export function FootprintActivityPage() {
  const { slug = '' } = useParams();
  const page = usePageNumber();
  const footprint = useFootprint(slug);
  const [params, setParams] = useSearchParams();
  const filters = readActivityFilters(params);
  const filterKey = JSON.stringify(filters);
  const events = useApiResource<Page<AuditEventView>>(
    `audit:${slug}:${page}:${filterKey}`,
    (signal) => listAuditEvents(slug, page, filters, signal),
  );
  const choices = useApiResource<{ plans: PlanSummary[] | null; members: MemberView[] }>(
    `audit-choices:${slug}`,
    async (signal) => {
      const members = await fetchAllPages((p, size) => listMembers(slug, p, size, signal));
      // Instance admins do not read plans: they filter by person and kind only.
      const plans = await fetchAllPages((p) => listPlans(slug, p, signal)).catch(() => null);
      return { plans, members };
    },
  );
  const apply = (next: ActivityFilters) =>
    setParams(new URLSearchParams(Object.entries(next) as Array<[string, string]>));
  useDocumentTitle(footprint.data ? `Activity – ${footprint.data.name}` : 'Activity');

  if (footprint.error)
    return <LoadError error={footprint.error} what="this footprint" retry={footprint.reload} />;
  if (!footprint.data) return <LoadingMessage text="Loading footprint…" />;

  const view = footprint.data;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your footprints', to: '/' },
          { text: view.name, to: `/footprints/${view.slug}` },
        ]}
      />
      <span className="nhsuk-caption-l">{view.name}</span>
      <h1 className="nhsuk-heading-l">Activity</h1>
      <p className="nhsuk-body">
        Everything people have done in this footprint, newest first. It cannot be changed.
      </p>
      {choices.data ? (
        <ActivityFiltersForm
          key={filterKey}
          filters={filters}
          plans={choices.data.plans}
          members={choices.data.members}
          onApply={apply}
        />
      ) : null}
      {events.loading ? <LoadingMessage text="Loading activity…" /> : null}
      {events.error ? (
        events.error.isForbidden ? (
          <p className="nhsuk-body">Only partnership leads can see the activity of a footprint.</p>
        ) : (
          <PanelError error={events.error} what="the activity" retry={events.reload} />
        )
      ) : null}
      {events.data?.total === 0 ? (
        <p className="nhsuk-body">
          {filterKey === '{}'
            ? 'Nothing has happened here yet.'
            : 'Nothing matches these filters. Choose “Every plan”, “Everyone” or “Everything” to see more.'}
        </p>
      ) : null}
      {events.data && events.data.items.length > 0 ? (
        <>
          <DataTable caption="Activity" headings={['When', 'Who', 'What happened']}>
            {events.data.items.map((event) => (
              <tr className="nhsuk-table__row" key={event.id}>
                <td className="nhsuk-table__cell">{formatDateTime(event.at)}</td>
                <td className="nhsuk-table__cell">
                  {event.actor ? event.actor.name : 'Commonplan'}
                  {event.address ? (
                    <>
                      <br />
                      <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                        from {event.address}
                      </span>
                    </>
                  ) : null}
                </td>
                <td className="nhsuk-table__cell">{describeAuditEvent(event)}</td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={events.data} />
        </>
      ) : null}
    </>
  );
}
