import { authConfig, type AuthConfig } from '../auth/auth.config.js';
import { collabConfig, type CollabConfig } from '../collab/collab.config.js';
import {
  consultationConfig,
  type ConsultationConfig,
} from '../consultation/consultation.config.js';
import { dashboardConfig, type DashboardConfig } from '../dashboard/dashboard.config.js';
import { draftsConfig, type DraftsConfig } from '../drafts/drafts.config.js';
import {
  draftSchedulesConfig,
  type DraftSchedulesConfig,
} from '../draft-schedules/draft-schedules.config.js';
import { databaseConfig, type DatabaseConfig } from '../database/database.config.js';
import { exportsConfig, type ExportsConfig } from '../exports/exports.config.js';
import { jobsConfig, type JobsConfig } from '../jobs/jobs.config.js';
import { mailConfig, type MailConfig } from '../mail/mail.config.js';
import { metricsConfig, type MetricsConfig } from '../metrics/metrics.config.js';
import { redisConfig, type RedisConfig } from '../redis/redis.config.js';
import { seedConfig, type SeedConfig } from '../seed/seed.config.js';
import { httpConfig, type HttpConfig } from '../web-client/http.config.js';
import { EnvReader, type Env } from './env-reader.js';

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  http: HttpConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
  jobs: JobsConfig;
  auth: AuthConfig;
  mail: MailConfig;
  seed: SeedConfig;
  collab: CollabConfig;
  drafts: DraftsConfig;
  exports: ExportsConfig;
  dashboard: DashboardConfig;
  draftSchedules: DraftSchedulesConfig;
  consultation: ConsultationConfig;
  metrics: MetricsConfig;
}

/** Reads and validates the whole configuration once; throws a ConfigError naming each bad variable. */
export function loadAppConfig(env: Env = process.env): AppConfig {
  const reader = new EnvReader(env);
  const nodeEnv = reader.oneOf('NODE_ENV', ['development', 'test', 'production'], 'development');
  const config: AppConfig = {
    env: nodeEnv,
    logLevel: reader.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace'],
      'info',
    ),
    http: httpConfig(reader),
    database: databaseConfig(reader),
    redis: redisConfig(reader),
    jobs: jobsConfig(reader),
    auth: authConfig(reader),
    mail: mailConfig(reader),
    seed: seedConfig(reader),
    collab: collabConfig(reader),
    drafts: draftsConfig(reader, nodeEnv),
    exports: exportsConfig(reader, nodeEnv),
    dashboard: dashboardConfig(reader),
    draftSchedules: draftSchedulesConfig(reader),
    consultation: consultationConfig(reader),
    metrics: metricsConfig(reader),
  };
  reader.check();
  return config;
}

/** Nest injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
