import {
  consultationResponseStatusLabels,
  respondentTypeLabels,
  type ConsultationDecision,
  type ConsultationResponseStatus,
  type ConsultationResponseView,
} from '@commonplan/domain';
import { formatDateTime } from '../shared/format/format';

const statusTagColour: Record<ConsultationResponseStatus, string> = {
  pending: 'nhsuk-tag--blue',
  accepted: 'nhsuk-tag--green',
  rejected: 'nhsuk-tag--grey',
  spam: 'nhsuk-tag--red',
};

const spamReasonText: Record<string, string> = {
  honeypot_filled: 'a hidden field was filled in',
  form_token_invalid: 'it was not sent from our form',
  sent_too_fast: 'it was sent within seconds of opening the form',
  too_many_links: 'it has many links',
  url_shortener: 'it has a shortened link',
  blocked_words: 'it has a blocked word',
  repeated_text: 'the same text was sent before',
};

interface ConsultationResponseCardProps {
  response: ConsultationResponseView;
  busy: boolean;
  onDecide: (response: ConsultationResponseView, decision: ConsultationDecision) => void;
}

/** One response for a lead to read and decide on; the buttons are ordinary buttons, so Tab and Enter work. */
export function ConsultationResponseCard({
  response,
  busy,
  onDecide,
}: ConsultationResponseCardProps) {
  const headingId = `response-${response.id}`;
  const who =
    response.respondentType === 'organisation' && response.organisationName
      ? `${respondentTypeLabels.organisation}: ${response.organisationName}`
      : respondentTypeLabels[response.respondentType];
  return (
    <li className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
          {response.sectionTitle ?? 'The whole draft'}{' '}
          <strong className={`nhsuk-tag ${statusTagColour[response.status]}`}>
            {consultationResponseStatusLabels[response.status]}
          </strong>
        </h3>
        <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
          {who}. Received {formatDateTime(response.receivedAt)} on publication{' '}
          {response.publicationNumber}.
          {response.moderatedBy && response.moderatedAt
            ? ` ${response.status === 'accepted' ? 'Accepted' : 'Rejected'} by ${response.moderatedBy.name}, ${formatDateTime(response.moderatedAt)}.`
            : ''}
        </p>
        <p className="nhsuk-body app-response-text">{response.body}</p>
        {response.name || response.email ? (
          <p className="nhsuk-body-s">
            Contact (never published): {[response.name, response.email].filter(Boolean).join(', ')}
          </p>
        ) : null}
        {response.spamReasons.length > 0 ? (
          <p className="nhsuk-body-s">
            Held as spam because{' '}
            {response.spamReasons.map((reason) => spamReasonText[reason] ?? reason).join('; ')}.
          </p>
        ) : null}
        <div className="nhsuk-button-group">
          {response.status !== 'accepted' ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              disabled={busy}
              aria-describedby={headingId}
              onClick={() => onDecide(response, 'accept')}
            >
              Accept
            </button>
          ) : null}
          {response.status !== 'rejected' ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--warning nhsuk-u-margin-bottom-0"
              disabled={busy}
              aria-describedby={headingId}
              onClick={() => onDecide(response, 'reject')}
            >
              Reject
            </button>
          ) : null}
        </div>
      </div>
    </li>
  );
}
