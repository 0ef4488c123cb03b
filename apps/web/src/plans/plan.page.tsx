import {
  planStatusLabels,
  type OrganisationView,
  type PlanView,
  type SectionView,
} from '@commonplan/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { listOrganisations } from '../footprints/footprints.api';
import { listSections } from '../sections/sections.api';
import { fetchAllPages } from '../shared/api/fetch-all-pages';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { PanelError } from '../shared/components/panel-error.component';
import { SuccessBanner } from '../shared/components/success-banner.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { useLocationNotice } from '../shared/hooks/use-location-notice.hook';
import { AddSectionForm } from './add-section-form.component';
import { ChangePlanDetails } from './change-plan-details.component';
import { PlanSections } from './plan-sections.component';
import { MutePlan } from '../notifications/mute-plan.component';
import { PlanStatusActions } from './plan-status-actions.component';
import { PlanSummaryList } from './plan-summary-list.component';
import { getPlan } from './plans.api';

export function PlanPage() {
  const { planId = '' } = useParams();
  const plan = useApiResource<PlanView>(`plan:${planId}`, (signal) => getPlan(planId, signal));
  const sections = useApiResource<SectionView[]>(`sections:${planId}`, (signal) =>
    listSections(planId, signal),
  );
  const canAddSections = plan.data?.allowedActions.includes('section.create') ?? false;
  const slug = plan.data?.footprintSlug ?? '';
  const organisations = useApiResource<OrganisationView[]>(
    `plan-organisations:${slug}:${canAddSections}`,
    (signal) =>
      canAddSections
        ? fetchAllPages((page, pageSize) => listOrganisations(slug, page, pageSize, signal))
        : Promise.resolve([]),
  );
  const locationNotice = useLocationNotice();
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [detailsHaveErrors, setDetailsHaveErrors] = useState(false);
  useDocumentTitle(
    plan.data?.title ?? (plan.loading ? 'Loading plan' : undefined),
    errors.length > 0 || detailsHaveErrors,
  );

  if (plan.error) return <LoadError error={plan.error} what="this plan" retry={plan.reload} />;
  if (!plan.data) return <LoadingMessage text="Loading plan…" />;

  const view = plan.data;
  const allows = (action: PlanView['allowedActions'][number]) =>
    view.allowedActions.includes(action);
  const showError = (error: unknown) => {
    setNotice(null);
    setErrors(toFormErrors(error));
  };
  const shownNotice = notice ?? locationNotice;

  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your footprints', to: '/' },
          { text: view.footprintName, to: `/footprints/${view.footprintSlug}` },
        ]}
      />
      {shownNotice ? <SuccessBanner key={view.updatedAt} heading={shownNotice} /> : null}
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">{view.footprintName}</span>
      <h1 className="nhsuk-heading-l">{view.title}</h1>
      <PlanSummaryList plan={view} sectionCount={sections.data?.length ?? view.sectionCount} />
      <p className="nhsuk-body">
        <Link to={`/plans/${view.id}/dashboard`}>See the plan’s progress on its dashboard</Link>
      </p>
      <MutePlan planId={view.id} />
      {allows('draft.read') ? (
        <p className="nhsuk-body">
          <Link to={`/plans/${view.id}/drafts`}>Drafts of this plan</Link>
        </p>
      ) : null}
      {allows('consultation.manage') ? (
        <p className="nhsuk-body">
          <Link to={`/plans/${view.id}/consultation`}>Public consultation on this plan</Link>
        </p>
      ) : null}
      {allows('plan.update') ? (
        <ChangePlanDetails
          plan={view}
          onSaved={(saved) => {
            setErrors([]);
            setNotice('Your changes to the plan have been saved.');
            plan.replace(saved);
          }}
          onErrorsChange={setDetailsHaveErrors}
        />
      ) : null}
      {allows('plan.changeStatus') ? (
        <PlanStatusActions
          plan={view}
          onChanged={(changed) => {
            setErrors([]);
            setNotice(`The plan is now ${planStatusLabels[changed.status].toLowerCase()}.`);
            plan.replace(changed);
          }}
          onError={showError}
        />
      ) : null}

      <h2 className="nhsuk-heading-m">Sections</h2>
      {sections.loading ? <LoadingMessage text="Loading sections…" /> : null}
      {sections.error ? (
        <PanelError error={sections.error} what="the sections" retry={sections.reload} />
      ) : null}
      {sections.data?.length === 0 ? (
        <p className="nhsuk-body">
          This plan has no sections yet.
          {canAddSections ? ' Add the first one below.' : ' The partnership lead will add them.'}
        </p>
      ) : null}
      {sections.data && sections.data.length > 0 ? (
        <PlanSections
          planId={view.id}
          sections={sections.data}
          canReorder={allows('section.reorder')}
          onSectionsChange={(changed) => {
            setErrors([]);
            sections.replace(changed);
          }}
          onError={showError}
        />
      ) : null}

      {canAddSections ? (
        <>
          {organisations.error ? (
            <PanelError
              error={organisations.error}
              what="the organisations"
              retry={organisations.reload}
            />
          ) : null}
          <AddSectionForm
            planId={view.id}
            organisations={organisations.data ?? []}
            onAdded={(section) => {
              setErrors([]);
              setNotice(`You added “${section.title}” at the end of the plan.`);
              sections.replace([...(sections.data ?? []), section]);
            }}
          />
        </>
      ) : null}
    </>
  );
}
