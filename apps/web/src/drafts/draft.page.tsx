import { sectionThemeLabels, type DraftView, type PlanView } from '@commonplan/domain';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ReviewStatusTag } from '../sections/review-status-tag.component';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { DraftExports } from '../exports/draft-exports.component';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import { formatDateTime, formatNumber } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { getPlan } from '../plans/plans.api';
import { PublishDraft } from '../publishing/publish-draft.component';
import { DraftStatusTag } from './draft-status-tag.component';
import { getDraft, retryDraft } from './drafts.api';
import { FailedForGood } from './failed-for-good.component';

/** One draft as it was made: its contents, then every section's text as the editor showed it. */
export function DraftPage() {
  const { draftId = '' } = useParams();
  const draft = useApiResource<DraftView>(`draft:${draftId}`, (signal) =>
    getDraft(draftId, signal),
  );
  const planId = draft.data?.planId ?? '';
  // Only to offer "Restore this text" to people who may change sections' text; the editor checks again.
  const plan = useApiResource<PlanView | null>(`plan:${planId}`, (signal) =>
    planId ? getPlan(planId, signal) : Promise.resolve(null),
  );
  const mayEditText = plan.data?.allowedActions.includes('section.editText') ?? false;
  const mayRetry = plan.data?.allowedActions.includes('draft.generate') ?? false;
  const [errors, setErrors] = useState<FormError[]>([]);
  const [retrying, setRetrying] = useState(false);
  useDocumentTitle(
    draft.data ? `Draft ${draft.data.number}: ${draft.data.label}` : 'Loading draft',
  );
  if (draft.error) return <LoadError error={draft.error} what="this draft" retry={draft.reload} />;
  if (!draft.data) return <LoadingMessage text="Loading draft…" />;
  const view = draft.data;
  const retry = () => {
    setErrors([]);
    setRetrying(true);
    retryDraft(view.id)
      .then(draft.reload, (error: unknown) => setErrors(toFormErrors(error)))
      .finally(() => setRetrying(false));
  };

  return (
    <>
      <Breadcrumbs
        items={[
          { text: view.planTitle, to: `/plans/${view.planId}` },
          { text: 'Drafts', to: `/plans/${view.planId}/drafts` },
        ]}
      />
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">{view.planTitle}</span>
      <h1 className="nhsuk-heading-l">
        Draft {view.number}: {view.label}
      </h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Status</dt>
          <dd className="nhsuk-summary-list__value">
            <DraftStatusTag status={view.status} />
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Asked for</dt>
          <dd className="nhsuk-summary-list__value">
            {formatDateTime(view.requestedAt)}
            {view.requestedBy ? <> by {view.requestedBy.name}</> : null}
          </dd>
        </div>
        {view.words !== null ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Words</dt>
            <dd className="nhsuk-summary-list__value">{formatNumber(view.words)}</dd>
          </div>
        ) : null}
      </dl>
      <PublishDraft draft={view} />

      {view.status === 'failed' ? (
        // Shown once the plan says whether this person may try again: before, a lead read that
        // only a lead could, and saw no button.
        plan.loading ? null : (
          <div className="nhsuk-card nhsuk-card--warning" data-testid="draft-failed">
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading nhsuk-heading-m">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>
                  This draft could not be made
                </span>
              </h2>
              <FailedForGood reason={view.failureReason} what="draft" canRetry={mayRetry} />
              {mayRetry ? (
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                  onClick={retry}
                  disabled={retrying}
                >
                  Try again
                </button>
              ) : null}
            </div>
          </div>
        )
      ) : view.status !== 'ready' ? (
        <p className="nhsuk-body">
          This draft is not ready. <Link to={`/plans/${view.planId}/drafts`}>See its progress</Link>
          .
        </p>
      ) : (
        <>
          <DraftExports draft={view} />
          <nav className="nhsuk-contents-list" aria-label="Sections in this draft">
            <h2 className="nhsuk-heading-m">Contents</h2>
            <ol className="nhsuk-contents-list__list">
              {view.sections.map((section) => (
                <li className="nhsuk-contents-list__item" key={section.sectionId}>
                  <a className="nhsuk-contents-list__link" href={`#section-${section.sectionId}`}>
                    {section.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          {view.sections.map((section) => (
            <section
              key={section.sectionId}
              id={`section-${section.sectionId}`}
              className="app-draft-section"
              aria-labelledby={`section-${section.sectionId}-heading`}
            >
              <h2 className="nhsuk-heading-l" id={`section-${section.sectionId}-heading`}>
                {section.title}
              </h2>
              <p className="nhsuk-body-s">
                {sectionThemeLabels[section.theme]} ·{' '}
                <ReviewStatusTag status={section.reviewStatus} /> · {formatNumber(section.words)}{' '}
                words
              </p>
              {/* Sanitised by the server against the section schema's own allow-list. */}
              <div
                className="app-section-text app-draft-section__text"
                dangerouslySetInnerHTML={{ __html: section.html }}
              />
              {mayEditText ? (
                <p className="nhsuk-body-s">
                  <Link to={`/sections/${section.sectionId}?restoreFrom=${view.id}`}>
                    Restore this text
                    <span className="nhsuk-u-visually-hidden"> of “{section.title}”</span>
                  </Link>{' '}
                  in the section, as a new change that can be undone.
                </p>
              ) : null}
            </section>
          ))}
        </>
      )}
    </>
  );
}
