import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { notificationKindLabels } from '@commonplan/domain';
import type { Logger } from 'pino';
import { DataSource, In } from 'typeorm';
import { User } from '../auth/user.entity.js';
import { LOGGER } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MailQueue } from '../mail/mail.queue.js';
import type { Notification } from './notification.entity.js';

/** Emails stored notifications when the instance sends mail; used by the API and the worker. */
@Injectable()
export class NotificationEmails {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async send(rows: readonly Notification[]): Promise<void> {
    if (!this.mail.enabled || rows.length === 0) return;
    const people = await this.dataSource.getRepository(User).find({
      select: { id: true, email: true },
      where: { id: In(rows.map((row) => row.recipientId)) },
    });
    const emailOf = new Map(people.map((person) => [person.id, person.email]));
    for (const row of rows) {
      const to = emailOf.get(row.recipientId);
      if (!to) continue;
      try {
        await this.mail.send({
          to,
          subject: `${notificationKindLabels[row.kind]}: ${row.text}`.slice(0, 200),
          text: [
            `${row.text}.`,
            '',
            `Open it in Commonplan: ${this.config.http.publicUrl}${row.link}`,
            '',
            'You get these emails because you take part in this plan. To stop them, open the plan and choose "Mute this plan".',
          ].join('\n'),
        });
      } catch (error) {
        // The notification is stored and shown in the app; a mail queue hiccup must not undo it.
        this.logger.warn(
          { event: 'notification_mail_failed', notificationId: row.id, err: error },
          'could not queue a notification email',
        );
      }
    }
  }
}
