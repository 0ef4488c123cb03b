import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { Membership } from '../auth/membership.entity.js';
import { User } from '../auth/user.entity.js';
import { CollabModule } from '../collab/collab.module.js';
import { FootprintsModule } from '../footprints/footprints.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { SectionsModule } from '../sections/sections.module.js';
import { CommentThread } from './comment-thread.entity.js';
import { Comment } from './comment.entity.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';

/**
 * Owns comment threads on section text: anchored ranges that follow edits, replies, edits of
 * one's own comments, resolving and reopening, live `thread:changed` events to the section's
 * room, and who should be told about a comment.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CommentThread, Comment, Membership, User]),
    SectionsModule,
    PlansModule,
    FootprintsModule,
    CollabModule,
    AuditModule,
  ],
  controllers: [CommentsController],
  providers: [CommentsService],
  exports: [CommentsService],
})
export class CommentsModule {}
