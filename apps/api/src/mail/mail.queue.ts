import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobName } from '../jobs/job-names.js';
import { QueueService } from '../jobs/queue.service.js';
import type { MailSendPayload } from './mail-send.payload.js';

/** Hands emails to the worker. Without SMTP_URL nothing is mailed and callers show links instead. */
@Injectable()
export class MailQueue {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
  ) {}

  get enabled(): boolean {
    return this.config.mail.smtpUrl !== undefined;
  }

  /** Queues the message; true when it will be mailed. */
  async send(message: MailSendPayload): Promise<boolean> {
    if (!this.enabled) return false;
    await this.queues.add(JobName.MailSend, message);
    return true;
  }
}
