import type { ApiErrorBody } from '@commonplan/domain';

/** An error the API answered with (or the network failure that kept it from answering). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromResponse(status: number, body: unknown): ApiError {
    if (isApiErrorBody(body)) return new ApiError(status, body.code, body.message, body.field);
    return new ApiError(
      status,
      'unexpected_response',
      status >= 500
        ? 'Sorry, there is a problem with the service. Try again later.'
        : `The service answered in a way we did not expect (${status}). Try again.`,
    );
  }

  static network(): ApiError {
    return new ApiError(
      0,
      'network_error',
      'Commonplan could not be reached. Check your connection, then try again.',
    );
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiErrorBody).code === 'string' &&
    typeof (body as ApiErrorBody).message === 'string'
  );
}

/** Whatever was thrown, as something the page can show a person. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(
    0,
    'client_error',
    'Something went wrong in this page. Reload it and try again.',
  );
}
