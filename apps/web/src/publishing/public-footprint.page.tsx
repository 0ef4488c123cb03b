import type { PublicFootprintView } from '@commonplan/domain';
import { Link, useParams } from 'react-router';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { formatDate } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { PublicLoadError } from './public-not-found.component';
import { publicPlanPath } from './public-paths';
import { getPublicFootprint } from './publishing.api';

/** A footprint's published plans, for anyone. */
export function PublicFootprintPage() {
  const { footprintSlug = '' } = useParams();
  const footprint = useApiResource<PublicFootprintView>(
    `public-footprint:${footprintSlug}`,
    (signal) => getPublicFootprint(footprintSlug, signal),
  );
  const view = footprint.data;
  useDocumentTitle(view ? `Published plans of ${view.footprint.name}` : 'Loading plans');
  if (footprint.error) return <PublicLoadError error={footprint.error} retry={footprint.reload} />;
  if (!view) return <LoadingMessage text="Loading plans…" />;
  return (
    <>
      <span className="nhsuk-caption-l">{view.footprint.name}</span>
      <h1 className="nhsuk-heading-xl">Published plans</h1>
      <p className="nhsuk-lede-text">
        The plans this health and care partnership has published for patients, the public and staff
        to read.
      </p>
      <ul className="nhsuk-list">
        {view.plans.map((plan) => (
          <li key={plan.slug}>
            <h2 className="nhsuk-heading-m nhsuk-u-margin-bottom-1">
              <Link to={publicPlanPath(view.footprint.slug, plan.slug)}>{plan.title}</Link>
            </h2>
            <p className="nhsuk-body-s">
              Published draft {plan.latest.draftNumber}, {formatDate(plan.latest.publishedAt)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
