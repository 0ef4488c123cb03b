import type { ApiError } from '../shared/api/api-error';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';

/** A public page that is not there (or not published), or could not be loaded. */
export function PublicLoadError({ error, retry }: { error?: ApiError; retry?: () => void }) {
  const notFound = !error || error.isNotFound;
  const heading = notFound ? 'Page not found' : 'Sorry, there is a problem with the service';
  useDocumentTitle(heading);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">{heading}</h1>
        {notFound ? (
          <>
            <p className="nhsuk-body">
              There is no published plan at this address. If you typed the web address, check it is
              correct. If you followed a link, the plan may not have been published yet.
            </p>
          </>
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
      </div>
    </div>
  );
}
