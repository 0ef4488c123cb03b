import type { PublicConsultationView } from '@commonplan/domain';
import { Link } from 'react-router';
import { publicRespondPath } from '../publishing/public-paths';
import { formatDate } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { getPublicConsultation } from './consultation.api';

/**
 * On a published plan's public page: the consultation's dates and, while it is open, the way to
 * respond. Shows nothing when no consultation was opened, or when it cannot be loaded (the plan
 * itself is still worth reading).
 */
export function PublicConsultationCallout({
  footprintSlug,
  planSlug,
}: {
  footprintSlug: string;
  planSlug: string;
}) {
  const loaded = useApiResource<PublicConsultationView>(
    `consultation:${footprintSlug}/${planSlug}`,
    (signal) => getPublicConsultation(footprintSlug, planSlug, signal),
  );
  const consultation = loaded.data?.consultation;
  if (!consultation) return null;
  const dates = `${formatDate(consultation.opensOn)} to ${formatDate(consultation.closesOn)}`;
  return (
    <div className="nhsuk-inset-text" data-testid="consultation-callout">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {consultation.state === 'open' ? (
        <>
          <p>
            The partnership wants to hear what you think of this draft. You can respond until{' '}
            <strong>{formatDate(consultation.closesOn)}</strong> (consultation open {dates}).
          </p>
          <p>
            <Link
              className="nhsuk-action-link__link"
              to={publicRespondPath(footprintSlug, planSlug)}
            >
              Respond to this draft
            </Link>
          </p>
        </>
      ) : consultation.state === 'not_open_yet' ? (
        <p>
          The partnership will ask for views on this draft from {dates}. You can respond from{' '}
          {formatDate(consultation.opensOn)}.
        </p>
      ) : (
        <p>
          The consultation on this draft ran {dates}
          {consultation.closedEarlyAt
            ? ` and closed early on ${formatDate(consultation.closedEarlyAt)}`
            : ''}
          . It is no longer taking responses.
        </p>
      )}
    </div>
  );
}
