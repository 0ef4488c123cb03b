import { Link } from 'react-router';
import type { ApiError } from '../api/api-error';
import { useDocumentTitle } from '../hooks/use-document-title.hook';

interface LoadErrorProps {
  error: ApiError;
  /** What could not be loaded, in words: "this plan". */
  what: string;
  retry?: () => void;
}

/** A page that could not be shown, with what the person can do next. */
export function LoadError({ error, what, retry }: LoadErrorProps) {
  const heading = error.isNotFound
    ? 'Page not found'
    : error.isForbidden
      ? 'You do not have access to this page'
      : 'Sorry, there is a problem with the service';
  useDocumentTitle(heading);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">{heading}</h1>
        {error.isNotFound ? (
          <p className="nhsuk-body">
            We could not find {what}. If you followed a link, it may be out of date or you may no
            longer be a member of the partnership it belongs to.
          </p>
        ) : error.isForbidden ? (
          <p className="nhsuk-body">
            {error.message} If you think you should have access, ask your partnership lead.
          </p>
        ) : (
          <>
            <p className="nhsuk-body">{error.message}</p>
            {retry ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={retry}
              >
                Try again
              </button>
            ) : null}
          </>
        )}
        <p className="nhsuk-body">
          <Link to="/">Go to your footprints</Link>
        </p>
      </div>
    </div>
  );
}
