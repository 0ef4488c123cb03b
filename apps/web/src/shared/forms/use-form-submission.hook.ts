import { useState, type FormEvent } from 'react';
import { toFormErrors, type FormError } from './form-error';

interface FormSubmissionOptions {
  /**
   * Leave the submit button disabled after a successful send. For forms whose success navigates
   * away or closes them, so the button cannot be pressed again on the way out.
   */
  keepDisabledOnSuccess?: boolean;
  /** Hears, each time errors are shown or cleared, whether the form now has any. */
  onErrorsChange?: (hasErrors: boolean) => void;
}

interface Submission {
  /** The form's own checks, run before anything is sent; any problem stops the submission. */
  validate: () => FormError[];
  /** Sends the form and handles success; anything it throws is shown as the form's errors. */
  send: () => Promise<void>;
}

/**
 * What every form does when it is submitted: run its own checks, disable the submit button while
 * the API answers, and show what the API refused against the input it is about. `inputIds` maps
 * the API's field names to this form's input ids.
 */
export function useFormSubmission(
  inputIds: Record<string, string>,
  { keepDisabledOnSuccess = false, onErrorsChange }: FormSubmissionOptions = {},
) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const showErrors = (problems: FormError[]) => {
    setErrors(problems);
    onErrorsChange?.(problems.length > 0);
  };

  const sendAndShowErrors = async (send: () => Promise<void>) => {
    setSubmitting(true);
    try {
      await send();
      if (!keepDisabledOnSuccess) setSubmitting(false);
    } catch (error) {
      showErrors(toFormErrors(error, inputIds));
      setSubmitting(false);
    }
  };

  /** The form's `onSubmit` handler. */
  const handleSubmit =
    ({ validate, send }: Submission) =>
    (event: FormEvent) => {
      event.preventDefault();
      const problems = validate();
      showErrors(problems);
      if (problems.length > 0) return;
      void sendAndShowErrors(send);
    };

  return { errors, submitting, showErrors, handleSubmit };
}
