import { useState } from 'react';

interface CopyButtonProps {
  text: string;
  label?: string;
}

/** Copies text to the clipboard and says so where screen readers will hear it. */
export function CopyButton({ text, label = 'Copy link' }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };
  return (
    <>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        onClick={() => void copy()}
      >
        {label}
      </button>
      <p className="nhsuk-body-s" role="status" aria-live="polite">
        {outcome === 'copied'
          ? 'Link copied.'
          : outcome === 'failed'
            ? 'Your browser did not let us copy the link. Select it and copy it yourself.'
            : null}
      </p>
    </>
  );
}
