import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../collab/collab.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { NotificationEmails } from './notification-emails.js';
import { NotificationStore } from './notification-store.js';
import { Notification } from './notification.entity.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { PlanMute } from './plan-mute.entity.js';

/**
 * Owns in-app notifications (stored, pushed live to a person's tabs, emailed when mail is on) and
 * each person's muted plans. Other features tell people things through `NotificationsService.notify`.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notification, PlanMute]),
    CollabModule,
    MailModule,
    PlansModule,
  ],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationStore, NotificationEmails],
  exports: [NotificationsService],
})
export class NotificationsModule {}
