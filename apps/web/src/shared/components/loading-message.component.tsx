/** Announced politely to screen readers; shown while a page waits for the API. */
export function LoadingMessage({ text = 'Loading…' }: { text?: string }) {
  return (
    <p className="nhsuk-body nhsuk-u-secondary-text-colour" role="status" aria-live="polite">
      {text}
    </p>
  );
}
