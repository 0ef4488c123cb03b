/**
 * An error a person can act on: a stable code for programs, a message for people, the HTTP status
 * it maps to, and the input at fault when there is one. Each feature declares its codes in a
 * `*.errors.ts` file as a table the compiler checks is complete.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorDefinition {
  status: number;
  message: string;
}

/** Builds a feature's error factory from its table of codes. */
export function errorFactory<Code extends string>(table: Record<Code, ErrorDefinition>) {
  return (
    code: Code,
    options: { message?: string; field?: string; headers?: Record<string, string> } = {},
  ) =>
    new AppError(
      code,
      table[code].status,
      options.message ?? table[code].message,
      options.field,
      options.headers,
    );
}
