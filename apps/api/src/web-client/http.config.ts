import { fileURLToPath } from 'node:url';
import type { EnvReader } from '../config/env-reader.js';

export interface HttpConfig {
  port: number;
  host: string;
  /** Where people reach Commonplan; used in invitation links. Defaults to http://localhost:PORT. */
  publicUrl: string;
  /** Origins besides the request's own host that may call the API with a session cookie. */
  allowedOrigins: string[];
  /**
   * Express's `trust proxy`: how many proxies in front of us add to X-Forwarded-For (the client's
   * address is the one the nearest of them saw), or true to believe the whole header.
   */
  trustProxy: boolean | number;
  /** The built web client served at `/`. */
  webDistDir: string;
  bodyLimitBytes: number;
}

export function httpConfig(env: EnvReader): HttpConfig {
  const port = env.integer('PORT', 3000, { min: 0, max: 65535 });
  const publicUrl = env.url('PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:'])!;
  const allowedOrigins = (env.optionalString('ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return {
    port,
    host: env.string('HOST', '0.0.0.0'),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    allowedOrigins: [new URL(publicUrl).origin, ...allowedOrigins],
    trustProxy: /^\d+$/.test(env.optionalString('TRUST_PROXY') ?? '')
      ? env.integer('TRUST_PROXY', 0, { min: 0, max: 10 })
      : env.boolean('TRUST_PROXY', false),
    webDistDir: env.string(
      'WEB_DIST_DIR',
      fileURLToPath(new URL('../../../web/dist', import.meta.url)),
    ),
    bodyLimitBytes: env.integer('HTTP_BODY_LIMIT_BYTES', 1_048_576, { min: 1024 }),
  };
}
