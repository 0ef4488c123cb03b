import type { DraftSummary, PlanView, PublicationSummary } from '@commonplan/domain';
import { useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { getPlan } from '../plans/plans.api';
import { listPublications } from '../publishing/publishing.api';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { PanelError } from '../shared/components/panel-error.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { CompareDraftsForm } from './compare-drafts-form.component';
import { listDrafts, retryDraft } from './drafts.api';
import { DraftsTable } from './drafts-table.component';
import { RequestDraftForm } from './request-draft-form.component';
import { useDraftChanges } from './use-draft-changes.hook';

/** Puts a changed draft in its place in the list, newest first. */
function withDraft(drafts: DraftSummary[], draft: DraftSummary): DraftSummary[] {
  return [...drafts.filter((d) => d.id !== draft.id), draft].sort((a, b) => b.number - a.number);
}

/** A plan's drafts: ask for one, watch it being made, try a failed one again, compare two. */
export function DraftsPage() {
  const { planId = '' } = useParams();
  const plan = useApiResource<PlanView>(`plan:${planId}`, (signal) => getPlan(planId, signal));
  const drafts = useApiResource<DraftSummary[]>(`drafts:${planId}`, (signal) =>
    listDrafts(planId, signal),
  );
  const publications = useApiResource<PublicationSummary[]>(`publications:${planId}`, (signal) =>
    listPublications(planId, signal),
  );
  const published = useMemo(
    () => new Map((publications.data ?? []).map((p) => [p.draftId, p.number])),
    [publications.data],
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  useDocumentTitle(
    plan.data ? `Drafts of ${plan.data.title}` : 'Loading drafts',
    errors.length > 0,
  );

  const current = drafts.data;
  // Changes can arrive faster than the page renders: each is merged into the latest list.
  const latest = useRef<DraftSummary[]>([]);
  latest.current = current ?? [];
  const merge = (draft: DraftSummary) => {
    latest.current = withDraft(latest.current, draft);
    drafts.replace(latest.current);
  };
  useDraftChanges(planId, merge, drafts.reload);

  if (plan.error) return <LoadError error={plan.error} what="this plan" retry={plan.reload} />;
  if (!plan.data) return <LoadingMessage text="Loading drafts…" />;
  const view = plan.data;
  const allows = (action: PlanView['allowedActions'][number]) =>
    view.allowedActions.includes(action);

  const retry = (draft: DraftSummary) => {
    setErrors([]);
    retryDraft(draft.id).then(merge, (error: unknown) => setErrors(toFormErrors(error)));
  };

  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your footprints', to: '/' },
          { text: view.footprintName, to: `/footprints/${view.footprintSlug}` },
          { text: view.title, to: `/plans/${view.id}` },
        ]}
      />
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">{view.title}</span>
      <h1 className="nhsuk-heading-l">Drafts</h1>
      <p className="nhsuk-body">
        A draft keeps the whole plan as it was when it was asked for: every section’s text, its
        review status and its word count. Drafts are numbered in order and never change.
      </p>
      {allows('draft.generate') ? <RequestDraftForm planId={view.id} onRequested={merge} /> : null}

      <h2 className="nhsuk-heading-m">All drafts</h2>
      {drafts.loading && !current ? <LoadingMessage text="Loading drafts…" /> : null}
      {drafts.error ? (
        <PanelError error={drafts.error} what="the drafts" retry={drafts.reload} />
      ) : null}
      {current?.length === 0 ? (
        <p className="nhsuk-body">
          This plan has no drafts yet.
          {allows('draft.generate')
            ? ' Make the first one above.'
            : ' The partnership lead will make one when the plan is ready to share.'}
        </p>
      ) : null}
      {current && current.length > 0 ? (
        <DraftsTable
          drafts={current}
          published={published}
          canRetry={allows('draft.generate')}
          onRetry={retry}
        />
      ) : null}

      {allows('draft.compare') && current ? (
        <CompareDraftsForm
          key={current.filter((d) => d.status === 'ready').length}
          planId={view.id}
          drafts={current}
        />
      ) : null}
    </>
  );
}
