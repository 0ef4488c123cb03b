import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CollabModule } from '../collab/collab.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SectionsModule } from '../sections/sections.module.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';
import { SectionReviewEvent } from './section-review-event.entity.js';

/**
 * Owns the review of sections: asking for review, approving or asking for changes, a lead's
 * decision on an approval the text has moved away from, and the history of every step.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([SectionReviewEvent]),
    SectionsModule,
    CollabModule,
    NotificationsModule,
    AuditModule,
  ],
  controllers: [ReviewsController],
  providers: [ReviewsService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
