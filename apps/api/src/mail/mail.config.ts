import type { EnvReader } from '../config/env-reader.js';

export interface MailConfig {
  /** smtp:// or smtps:// URL; without it nothing is mailed and links are only shown in the app. */
  smtpUrl: string | undefined;
  from: string;
}

export function mailConfig(env: EnvReader): MailConfig {
  return {
    smtpUrl: env.url('SMTP_URL', undefined, ['smtp:', 'smtps:']),
    from: env.string('MAIL_FROM', 'Commonplan <no-reply@commonplan.test>'),
  };
}
