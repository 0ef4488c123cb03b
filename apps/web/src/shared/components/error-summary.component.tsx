import { useEffect, useRef } from 'react';
import type { FormError } from '../forms/form-error';

interface ErrorSummaryProps {
  errors: FormError[];
  title?: string;
}

/**
 * The NHS error summary: takes focus when errors appear so screen reader and keyboard users land on
 * it, and each error links to (and focuses) the input it is about.
 */
export function ErrorSummary({ errors, title = 'There is a problem' }: ErrorSummaryProps) {
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" ref={summary} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">{title}</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.inputId ?? ''}:${error.message}`}>
                {error.inputId ? (
                  <a
                    href={`#${error.inputId}`}
                    onClick={(event) => {
                      const input = document.getElementById(error.inputId!);
                      if (!input) return;
                      event.preventDefault();
                      input.scrollIntoView({ block: 'center' });
                      input.focus();
                    }}
                  >
                    {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
