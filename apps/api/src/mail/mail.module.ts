import { Module } from '@nestjs/common';
import { MailSendJob } from './mail-send.job.js';
import { MailQueue } from './mail.queue.js';

/** Outgoing email: queued by the API, sent by the worker. */
@Module({ providers: [MailQueue, MailSendJob], exports: [MailQueue, MailSendJob] })
export class MailModule {}
