import { reviewEventLabels, type ReviewEventView } from '@commonplan/domain';
import { formatDateTime } from '../shared/format/format';

/** Every step of the section's review, newest first: who, when, and their note. */
export function ReviewHistory({ events }: { events: ReviewEventView[] }) {
  if (events.length === 0)
    return <p className="nhsuk-body">Nobody has asked for this section to be reviewed yet.</p>;
  return (
    <ol className="nhsuk-list app-review-history" reversed>
      {events.map((event) => (
        <li key={event.id} className="app-review-history__event">
          <p className="nhsuk-body nhsuk-u-margin-bottom-1">
            <strong>{reviewEventLabels[event.kind]}</strong>
            {event.reviewers.length > 0 ? `: ${event.reviewers.map((r) => r.name).join(', ')}` : ''}
          </p>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
            {event.actor?.name ?? 'A former member'}, {formatDateTime(event.at)}
          </p>
          {event.note ? (
            <blockquote className="app-review-history__note nhsuk-body-s">{event.note}</blockquote>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
