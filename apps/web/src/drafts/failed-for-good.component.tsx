interface FailedForGoodProps {
  /** Why it failed, as the worker put it for a lead. */
  reason: string | null;
  /** What was being made: "draft", "file". */
  what: string;
  /** Whether this person may try it again themselves. */
  canRetry: boolean;
}

/**
 * What a person reads of a draft or file that failed for good: why, and that nothing more will
 * happen by itself. The worker does not keep trying a failure that would repeat, so the reason says
 * what to put right and the last line says who starts it again.
 */
export function FailedForGood({ reason, what, canRetry }: FailedForGoodProps) {
  return (
    <>
      <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-1">
        {reason ?? `The ${what} could not be made.`}
      </p>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">
        Commonplan has stopped trying: this {what} will not be made until{' '}
        {canRetry ? 'you choose Try again' : 'a partnership lead tries again'}.
      </p>
    </>
  );
}
