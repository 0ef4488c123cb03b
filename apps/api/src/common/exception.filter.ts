import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { ApiErrorBody } from '@commonplan/domain';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';
import { commonError, CommonErrorCode } from './common.errors.js';
import type { AppRequest } from './request-context.js';

const statusNames: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** PostgreSQL and driver failures that mean "the database is not there", not "your request is wrong". */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08006',
  '08001',
  '08003',
  // A statement cancelled by statement_timeout: the database is too slow to answer just now.
  '57014',
]);

function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  if (code && unavailableCodes.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Query read timeout|Redis is not connected|Connection is closed/i.test(
    message,
  );
}

/** Turns anything thrown into the one error body every client understands. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return commonError(CommonErrorCode.NotFound);
    if (status === 413) return commonError(CommonErrorCode.PayloadTooLarge);
    if (status === 400 && error.message.includes('JSON'))
      return commonError(CommonErrorCode.InvalidJson);
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : ((response as { message?: unknown }).message ?? error.message);
    return new AppError(
      `http_${status}`,
      status,
      Array.isArray(message) ? String(message[0]) : String(message),
    );
  }
  const bodyParserType = (error as { type?: string } | null)?.type;
  if (bodyParserType === 'entity.parse.failed') return commonError(CommonErrorCode.InvalidJson);
  if (bodyParserType === 'entity.too.large') return commonError(CommonErrorCode.PayloadTooLarge);
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string } | undefined)?.code;
    if (code === '23505') return commonError(CommonErrorCode.Conflict);
    if (code === '22P02' || code === '22001' || code === '22003' || code === '22021') {
      return commonError(CommonErrorCode.ValidationFailed);
    }
  }
  if (isUnavailable(error)) return commonError(CommonErrorCode.ServiceUnavailable);
  return commonError(CommonErrorCode.Internal);
}

@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<AppRequest>();
    const error = toAppError(exception);
    const requestId = req.context?.requestId;
    if (error.status >= 500) {
      this.logger.error({ err: exception, requestId, path: req.originalUrl }, 'request failed');
    }
    if (res.headersSent) return;
    const body: ApiErrorBody = {
      statusCode: error.status,
      error: statusNames[error.status] ?? 'Error',
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(requestId ? { requestId } : {}),
    };
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    if (error.status === 503) res.setHeader('retry-after', '30');
    res.status(error.status).json(body);
  }
}
