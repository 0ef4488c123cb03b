import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { commonError, CommonErrorCode } from './common.errors.js';

function firstProblem(
  errors: ValidationError[],
  path = '',
): { field: string; message: string } | null {
  for (const error of errors) {
    const field = path ? `${path}.${error.property}` : error.property;
    const constraint = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (constraint) return { field, message: constraint };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/**
 * Validates every body, parameter and query against its DTO; unknown fields are refused. The first
 * problem is reported with the field it is about.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors);
      return commonError(CommonErrorCode.ValidationFailed, {
        message: problem ? problem.message : undefined,
        field: problem?.field,
      });
    },
  });
}
