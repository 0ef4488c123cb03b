import { toApiError } from '../api/api-error';

/** One problem with a form, and the id of the input it is about (if any) so the summary can link to it. */
export interface FormError {
  inputId?: string;
  message: string;
}

/**
 * Turns what the API refused into errors for a form. `inputIds` maps the API's field names to the
 * ids of this form's inputs, since one page can hold several forms with a "title".
 */
export function toFormErrors(error: unknown, inputIds: Record<string, string> = {}): FormError[] {
  const apiError = toApiError(error);
  const field = apiError.field?.split('.')[0];
  return [{ inputId: field ? inputIds[field] : undefined, message: apiError.message }];
}

export function errorFor(errors: FormError[], inputId: string): string | undefined {
  return errors.find((error) => error.inputId === inputId)?.message;
}
