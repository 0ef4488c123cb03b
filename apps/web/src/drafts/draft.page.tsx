import { sectionThemeLabels, type DraftView, type PlanView } from '@commonplan/domain';
import { Link, useParams } from 'react-router';
import { ReviewStatusTag } from '../sections/review-status-tag.component';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { DraftExports } from '../exports/draft-exports.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { formatDateTime, formatNumber } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { getPlan } from '../plans/plans.api';
import { PublishDraft } from '../publishing/publish-draft.component';
import { DraftStatusTag } from './draft-status-tag.component';
import { getDraft } from './drafts.api';

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
  useDocumentTitle(
    draft.data ? `Draft ${draft.data.number}: ${draft.data.label}` : 'Loading draft',
  );
  if (draft.error) return <LoadError error={draft.error} what="this draft" retry={draft.reload} />;
  if (!draft.data) return <LoadingMessage text="Loading draft…" />;
  const view = draft.data;

  return (
    <>
      <Breadcrumbs
        items={[
          { text: view.planTitle, to: `/plans/${view.planId}` },
          { text: 'Drafts', to: `/plans/${view.planId}/drafts` },
        ]}
      />
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

      {view.status !== 'ready' ? (
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
