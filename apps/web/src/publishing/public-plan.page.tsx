import { sectionThemeLabels, type PublicPlanView } from '@commonplan/domain';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { PublicConsultationCallout } from '../consultation/public-consultation-callout.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { formatDate, formatNumber } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { PublicChanges } from './public-changes.component';
import { PublicLoadError } from './public-not-found.component';
import { publicFootprintPath, publicPlanPath, publicPublicationPath } from './public-paths';
import { getPublicPlan } from './publishing.api';
import { safeSectionHtml } from './safe-section-html';

/**
 * A published plan, for anyone: its latest publication (or an earlier one by number), with contents,
 * every section's text, what changed since the publication before, and the earlier publications.
 */
export function PublicPlanPage() {
  const { footprintSlug = '', planSlug = '', number } = useParams();
  const plan = useApiResource<PublicPlanView>(
    `public-plan:${footprintSlug}:${planSlug}:${number ?? 'latest'}`,
    (signal) => getPublicPlan(footprintSlug, planSlug, number, signal),
  );
  const view = plan.data;
  useDocumentTitle(view ? view.plan.title : 'Loading plan');
  const sections = useMemo(
    () => view?.sections.map((section) => ({ ...section, html: safeSectionHtml(section.html) })),
    [view],
  );
  if (plan.error) return <PublicLoadError error={plan.error} retry={plan.reload} />;
  if (!view || !sections) return <LoadingMessage text="Loading plan…" />;
  const { publication } = view;
  const latestPath = publicPlanPath(view.footprint.slug, view.plan.slug);
  const earlier = view.publications.filter((p) => p.number !== publication.number);

  return (
    <>
      <span className="nhsuk-caption-l">
        <Link to={publicFootprintPath(view.footprint.slug)}>{view.footprint.name}</Link>
      </span>
      <h1 className="nhsuk-heading-xl">{view.plan.title}</h1>
      <p className="nhsuk-lede-text" data-testid="publication-line">
        Published draft {publication.draftNumber}, {formatDate(publication.publishedAt)}
      </p>
      <p className="nhsuk-body-s">
        Publication {publication.number} of this plan · {formatNumber(publication.words)} words
      </p>
      {!publication.latest ? (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              This is an earlier publication
            </span>
          </h2>
          <p>
            The plan has been published again since.{' '}
            <Link to={latestPath}>Read the latest publication</Link>.
          </p>
        </div>
      ) : null}

      {publication.latest ? (
        <PublicConsultationCallout footprintSlug={view.footprint.slug} planSlug={view.plan.slug} />
      ) : null}

      {view.changesSincePrevious ? <PublicChanges changes={view.changesSincePrevious} /> : null}

      <nav className="nhsuk-contents-list" aria-label="Contents">
        <h2 className="nhsuk-heading-m">Contents</h2>
        <ol className="nhsuk-contents-list__list">
          {sections.map((section) => (
            <li className="nhsuk-contents-list__item" key={section.anchor}>
              <a className="nhsuk-contents-list__link" href={`#${section.anchor}`}>
                {section.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      {sections.map((section) => (
        <section
          key={section.anchor}
          id={section.anchor}
          className="app-draft-section"
          aria-labelledby={`${section.anchor}-heading`}
        >
          <h2 className="nhsuk-heading-l" id={`${section.anchor}-heading`}>
            {section.title}
          </h2>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
            {sectionThemeLabels[section.theme]}
          </p>
          {section.words === 0 && !section.html.includes('<table') ? (
            <p className="nhsuk-body nhsuk-u-secondary-text-colour">
              Nothing was written in this section when this draft was published.
            </p>
          ) : (
            // Sanitised by the server when the draft was made, and again by safeSectionHtml.
            <div
              className="app-section-text app-section-text--published"
              dangerouslySetInnerHTML={{ __html: section.html }}
            />
          )}
        </section>
      ))}

      <section className="app-draft-section" aria-labelledby="publications-heading">
        <h2 className="nhsuk-heading-m" id="publications-heading">
          {publication.latest ? 'Earlier publications' : 'Other publications'}
        </h2>
        {earlier.length === 0 ? (
          <p className="nhsuk-body">This is the first publication of this plan.</p>
        ) : (
          <ul className="nhsuk-list">
            {earlier.map((p) => (
              <li key={p.number}>
                <Link
                  to={
                    p.number === view.publications[0]!.number
                      ? latestPath
                      : publicPublicationPath(view.footprint.slug, view.plan.slug, p.number)
                  }
                >
                  Publication {p.number}: draft {p.draftNumber}
                </Link>
                , published {formatDate(p.publishedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
