import type { EnvReader } from '../config/env-reader.js';

export interface MetricsConfig {
  /** The bearer token a Prometheus scraper sends; /api/metrics is off without one. */
  token: string | null;
}

export function metricsConfig(env: EnvReader): MetricsConfig {
  const token = env.optionalString('METRICS_TOKEN') ?? null;
  if (token !== null && token.length < 24)
    env.problems.push(
      'METRICS_TOKEN must be at least 24 characters (make one with `openssl rand -hex 24`)',
    );
  return { token };
}
