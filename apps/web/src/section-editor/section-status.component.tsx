import type { CollabError } from '@commonplan/protocol';
import { Link, useLocation } from 'react-router';
import { signInPathFor } from '../auth/return-to';
import { describeSectionStatus, type SectionStatusInput } from './section-status';
import { useSettledValue } from './use-settled-value.hook';

interface SectionStatusProps extends SectionStatusInput {
  error: CollabError | null;
  onRetry: () => void;
}

const signInAgainCodes = new Set(['not_authenticated', 'session_expired']);
const retryCodes = new Set(['too_many_connections', 'section_not_found', 'too_many_sections']);

/**
 * Whether changes are saved, announced politely; and anything that went wrong, with what to do
 * about it. "Saving…" only shows once it lasts, so quick saves do not make the line flicker.
 */
export function SectionStatus({ error, onRetry, ...state }: SectionStatusProps) {
  const location = useLocation();
  const text = describeSectionStatus(state);
  const shown = useSettledValue(text, text === 'Saving…' ? 400 : 150);
  return (
    <>
      <p className="nhsuk-body-s app-section-status" role="status" aria-live="polite">
        <span className="nhsuk-u-visually-hidden">Section text: </span>
        {shown}
      </p>
      {error ? (
        <div className="nhsuk-warning-callout app-section-problem" role="alert">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              {state.status === 'refused'
                ? 'The section text is not open'
                : 'A problem with saving'}
            </span>
          </h3>
          <p>{error.message}</p>
          {signInAgainCodes.has(error.code) ? (
            <p>
              <Link className="nhsuk-link" to={signInPathFor(location)}>
                Sign in again
              </Link>
            </p>
          ) : null}
          {state.status === 'refused' && retryCodes.has(error.code) ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
              onClick={onRetry}
            >
              Try again
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
