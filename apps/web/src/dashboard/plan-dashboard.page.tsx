import {
  reviewStatuses,
  reviewStatusLabels,
  sectionThemeLabels,
  type PlanDashboardView,
  type PlanView,
} from '@commonplan/domain';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { getPlan } from '../plans/plans.api';
import { ReviewStatusTag } from '../sections/review-status-tag.component';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { DataTable } from '../shared/components/data-table.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { formatDate, formatNumber } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { ConsultationCounts } from '../consultation/consultation-counts.component';
import { BarChart, type ChartSeries } from './bar-chart.component';
import { getPlanDashboard } from './dashboard.api';

const statusSeries: ChartSeries[] = [
  { key: 'draft', label: reviewStatusLabels.draft, colour: '#768692' },
  { key: 'in_review', label: reviewStatusLabels.in_review, colour: '#005eb8' },
  { key: 'changes_requested', label: reviewStatusLabels.changes_requested, colour: '#ed8b00' },
  { key: 'approved', label: reviewStatusLabels.approved, colour: '#007f3b' },
];

/** Who is in the section now is live information: ask again now and then. */
const refreshMs = 30_000;

interface Loaded {
  plan: PlanView;
  dashboard: PlanDashboardView;
}

/** The plan at a glance, for everyone in the footprint. */
export function PlanDashboardPage() {
  const { planId = '' } = useParams();
  const loaded = useApiResource<Loaded>(`dashboard:${planId}`, async (signal) => {
    const [plan, dashboard] = await Promise.all([
      getPlan(planId, signal),
      getPlanDashboard(planId, signal),
    ]);
    return { plan, dashboard };
  });
  const { reload } = loaded;
  useEffect(() => {
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [reload]);
  useDocumentTitle(loaded.data ? `Dashboard – ${loaded.data.plan.title}` : 'Dashboard');

  if (loaded.error) return <LoadError error={loaded.error} what="this dashboard" retry={reload} />;
  if (!loaded.data) return <LoadingMessage text="Loading the dashboard…" />;
  const { plan, dashboard } = loaded.data;
  const total = dashboard.sections.length;
  const overdue = dashboard.sections.filter((s) => s.overdue).length;

  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your footprints', to: '/' },
          { text: plan.footprintName, to: `/footprints/${plan.footprintSlug}` },
          { text: plan.title, to: `/plans/${plan.id}` },
        ]}
      />
      <span className="nhsuk-caption-l">{plan.title}</span>
      <h1 className="nhsuk-heading-l">Dashboard</h1>
      {total === 0 ? (
        <p className="nhsuk-body">
          This plan has no sections yet, so there is no progress to show. Sections appear here once
          a partnership lead adds them.
        </p>
      ) : (
        <>
          <p className="nhsuk-body">
            {total} {total === 1 ? 'section' : 'sections'}, {formatNumber(dashboard.totalWords)}{' '}
            words in all.
            {dashboard.showsOverdue && overdue > 0
              ? ` ${overdue} ${overdue === 1 ? 'section is' : 'sections are'} overdue.`
              : ''}
          </p>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <DataTable caption="Sections by review status" headings={['Status', 'Sections']}>
                {reviewStatuses.map((status) => (
                  <tr className="nhsuk-table__row" key={status}>
                    <td className="nhsuk-table__cell">{reviewStatusLabels[status]}</td>
                    <td className="nhsuk-table__cell">{dashboard.byStatus[status]}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
            <div className="nhsuk-grid-column-one-half">
              <DataTable caption="Sections by theme" headings={['Theme', 'Sections']}>
                {dashboard.byTheme.map((entry) => (
                  <tr className="nhsuk-table__row" key={entry.theme}>
                    <td className="nhsuk-table__cell">{sectionThemeLabels[entry.theme]}</td>
                    <td className="nhsuk-table__cell">{entry.count}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          </div>

          <h2 className="nhsuk-heading-m">Sections</h2>
          <DataTable
            caption="Every section of the plan"
            headings={[
              'Section',
              'Lead organisation',
              'Status',
              'Words',
              'Open threads',
              'Due',
              'Editing now',
            ]}
          >
            {dashboard.sections.map((section) => (
              <tr className="nhsuk-table__row" key={section.id}>
                <td className="nhsuk-table__cell">
                  <Link to={`/sections/${section.id}`}>{section.title}</Link>
                  <br />
                  <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                    {sectionThemeLabels[section.theme]}
                  </span>
                </td>
                <td className="nhsuk-table__cell">
                  {section.leadOrganisation?.name ?? 'None yet'}
                </td>
                <td className="nhsuk-table__cell">
                  <ReviewStatusTag status={section.status} />
                </td>
                <td className="nhsuk-table__cell">{formatNumber(section.words)}</td>
                <td className="nhsuk-table__cell">{formatNumber(section.openThreads)}</td>
                <td className="nhsuk-table__cell">
                  {section.dueDate ? formatDate(section.dueDate) : 'No date'}
                  {dashboard.showsOverdue && section.overdue ? (
                    <>
                      <br />
                      <strong className="nhsuk-tag nhsuk-tag--red app-overdue">Overdue</strong>
                    </>
                  ) : null}
                </td>
                <td className="nhsuk-table__cell">
                  {section.editingNow.length === 0
                    ? 'Nobody'
                    : section.editingNow.map((person) => person.name).join(', ')}
                </td>
              </tr>
            ))}
          </DataTable>

          <h2 className="nhsuk-heading-m">Progress over time</h2>
          <BarChart
            title="Sections by review status, day by day"
            emptyText="There are no sections to count yet."
            description={`How many of the plan's sections stood at each review status at the end of each day, over ${dashboard.statusByDay.length} days.`}
            xLabel="Day"
            yLabel="Sections"
            series={statusSeries}
            points={dashboard.statusByDay.map((day) => ({ label: day.day, values: day.counts }))}
          />
          <BarChart
            title="Words written per day"
            emptyText="No words have been written in this plan yet."
            description="Words added to the plan each day. The words are counted whenever someone opens this dashboard, so a day nobody opened it shows none."
            xLabel="Day"
            yLabel="Words"
            series={[{ key: 'written', label: 'Words written', colour: '#005eb8' }]}
            points={dashboard.wordsByDay.map((day) => ({
              label: day.day,
              values: { written: day.written },
            }))}
          />
          {dashboard.consultation ? (
            <>
              <h2 className="nhsuk-heading-m">Public consultation</h2>
              <p className="nhsuk-body">
                {formatDate(dashboard.consultation.opensOn)} to{' '}
                {formatDate(dashboard.consultation.closesOn)}
                {dashboard.consultation.state === 'open'
                  ? ' (open now)'
                  : dashboard.consultation.state === 'closed'
                    ? ' (closed)'
                    : ' (not open yet)'}
                : {formatNumber(dashboard.consultation.accepted)} accepted,{' '}
                {formatNumber(dashboard.consultation.pending)} waiting for a decision.
                {plan.allowedActions.includes('consultation.manage') ? (
                  <>
                    {' '}
                    <Link to={`/plans/${plan.id}/consultation`}>Read and decide on responses</Link>
                  </>
                ) : null}
              </p>
              <ConsultationCounts bySection={dashboard.consultation.bySection} />
            </>
          ) : null}
        </>
      )}
    </>
  );
}
