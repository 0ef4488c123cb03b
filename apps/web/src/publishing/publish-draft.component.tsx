import type { DraftView, PlanView, PublicationSummary } from '@commonplan/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { getPlan } from '../plans/plans.api';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { PanelError } from '../shared/components/panel-error.component';
import { SuccessBanner } from '../shared/components/success-banner.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import { formatDate } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { publicPlanPath } from './public-paths';
import { listPublications, publishDraft } from './publishing.api';

function PublicLink({ publication }: { publication: PublicationSummary }) {
  return (
    <Link to={publication.publicPath} data-testid="public-page-link">
      Open the public page
    </Link>
  );
}

/**
 * On a ready draft's page: whether the draft is published (with its public page), and for leads a
 * Publish button that first says plainly that the text becomes public.
 */
export function PublishDraft({ draft }: { draft: DraftView }) {
  const plan = useApiResource<PlanView>(`plan:${draft.planId}`, (signal) =>
    getPlan(draft.planId, signal),
  );
  const publications = useApiResource<PublicationSummary[]>(
    `publications:${draft.planId}`,
    (signal) => listPublications(draft.planId, signal),
  );
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [justPublished, setJustPublished] = useState<PublicationSummary | null>(null);

  if (publications.error)
    return (
      <PanelError
        error={publications.error}
        what="whether this draft is published"
        retry={publications.reload}
      />
    );
  if (!plan.data || !publications.data) return null;
  const published =
    justPublished ?? publications.data.find((publication) => publication.draftId === draft.id);

  if (published)
    return justPublished ? (
      <SuccessBanner heading={`Draft ${draft.number} is published`}>
        <p className="nhsuk-body">
          Anyone can now read it, without an account. <PublicLink publication={published} />.
        </p>
      </SuccessBanner>
    ) : (
      <div className="nhsuk-inset-text">
        <p>
          <strong className="nhsuk-tag nhsuk-tag--green app-tag-nowrap">Published</strong> This
          draft is publication {published.number} of the plan, published{' '}
          {formatDate(published.publishedAt)}
          {published.publishedBy ? <> by {published.publishedBy.name}</> : null}.{' '}
          <PublicLink publication={published} />.
        </p>
      </div>
    );

  if (draft.status !== 'ready' || !plan.data.allowedActions.includes('draft.publish')) return null;

  const publish = () => {
    setBusy(true);
    setErrors([]);
    publishDraft(draft.id).then(
      (publication) => {
        setJustPublished(publication);
        setConfirming(false);
        setBusy(false);
        publications.reload();
      },
      (error: unknown) => {
        setErrors(toFormErrors(error));
        setBusy(false);
      },
    );
  };

  return (
    <section className="nhsuk-card" aria-labelledby="publish-heading">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id="publish-heading">
          Publish this draft
        </h2>
        <ErrorSummary errors={errors} />
        {!confirming ? (
          <>
            <p className="nhsuk-body">
              Publishing puts this draft on the plan’s public page for patients, the public and
              staff to read.
            </p>
            <button
              type="button"
              className="nhsuk-button nhsuk-u-margin-bottom-0"
              onClick={() => setConfirming(true)}
            >
              Publish
            </button>
          </>
        ) : (
          <div
            className="nhsuk-warning-callout nhsuk-u-margin-top-0"
            role="group"
            aria-labelledby="publish-confirm"
          >
            <h3 className="nhsuk-warning-callout__label" id="publish-confirm">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                Publish draft {draft.number}?
              </span>
            </h3>
            <p>
              The text of draft {draft.number} becomes public: anyone can read it without an
              account, at{' '}
              <code>
                {window.location.origin}
                {publicPlanPath(plan.data.footprintSlug, plan.data.slug)}
              </code>
              . A publication stays public and cannot be taken back; a later draft can be published
              after it.
            </p>
            <div className="app-inline-actions">
              <button type="button" className="nhsuk-button" onClick={publish} disabled={busy}>
                {busy ? 'Publishing…' : `Yes, publish draft ${draft.number}`}
              </button>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => setConfirming(false)}
                disabled={busy}
              >
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
