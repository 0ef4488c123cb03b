import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { JobHandler } from '../jobs/job-handler.js';
import { JobName } from '../jobs/job-names.js';
import type { MailSendPayload } from './mail-send.payload.js';

/** Sends one queued email through the configured SMTP server. */
@Injectable()
export class MailSendJob implements JobHandler<JobName.MailSend> {
  readonly name = JobName.MailSend;
  private transport: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async handle(payload: MailSendPayload): Promise<{ messageId: string } | { skipped: string }> {
    if (!this.config.mail.smtpUrl) return { skipped: 'SMTP_URL is not set on the worker' };
    this.transport ??= nodemailer.createTransport(this.config.mail.smtpUrl);
    const info = await this.transport.sendMail({
      from: this.config.mail.from,
      to: payload.to,
      subject: payload.subject,
      text: payload.text,
    });
    return { messageId: String(info.messageId) };
  }
}
