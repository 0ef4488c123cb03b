import { useEffect } from 'react';

export const serviceName = 'Commonplan';

/**
 * Names the page in the browser tab and for screen readers, as NHS services do: the page, then the
 * service, with "Error:" first while a form on the page has errors.
 */
export function useDocumentTitle(title: string | undefined, hasErrors = false): void {
  useEffect(() => {
    const base = title ? `${title} – ${serviceName}` : serviceName;
    document.title = hasErrors ? `Error: ${base}` : base;
  }, [title, hasErrors]);
}
