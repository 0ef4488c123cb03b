import type { ApiError } from '../api/api-error';

interface PanelErrorProps {
  error: ApiError;
  /** What could not be loaded, in words: "the organisations". */
  what: string;
  retry: () => void;
}

/** One part of a page that could not be loaded, while the rest of the page still works. */
export function PanelError({ error, what, retry }: PanelErrorProps) {
  return (
    <div className="nhsuk-error-summary">
      <div role="alert">
        <h3 className="nhsuk-error-summary__heading">We could not load {what}</h3>
        <div className="nhsuk-error-summary__body">
          <p>{error.message}</p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
            onClick={retry}
          >
            Try again
          </button>
        </div>
      </div>
    </div>
  );
}
