import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { Membership } from '../auth/membership.entity.js';
import { User } from '../auth/user.entity.js';
import { CollabModule } from '../collab/collab.module.js';
import { FootprintsModule } from '../footprints/footprints.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { Section } from '../sections/section.entity.js';
import { SectionsModule } from '../sections/sections.module.js';
import { CommentThread } from './comment-thread.entity.js';
import { Comment } from './comment.entity.js';
import { CommentsController } from './comments.controller.js';
import { CommentNotifications } from './comment-notifications.service.js';
import { CommentsService } from './comments.service.js';

/**
 * Owns comment threads on section text: anchored ranges that follow edits, replies, edits of
 * one's own comments, resolving and reopening, live `thread:changed` events to the section's
 * room, and telling people mentioned or replied to (through notifications).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CommentThread, Comment, Membership, User, Section]),
    SectionsModule,
    PlansModule,
    FootprintsModule,
    CollabModule,
    AuditModule,
    NotificationsModule,
  ],
  controllers: [CommentsController],
  providers: [CommentsService, CommentNotifications],
  exports: [CommentsService],
})
export class CommentsModule {}
