import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum MetricsErrorCode {
  MetricsOff = 'metrics_off',
  MetricsTokenRequired = 'metrics_token_required',
}

const metricsErrors: Record<MetricsErrorCode, ErrorDefinition> = {
  [MetricsErrorCode.MetricsOff]: {
    status: 404,
    message: 'Metrics are off on this instance. Set METRICS_TOKEN to turn them on.',
  },
  [MetricsErrorCode.MetricsTokenRequired]: {
    status: 401,
    message: 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".',
  },
};

export const metricsError = errorFactory(metricsErrors);
