import { InitialSchema1795423539990 } from './1795423539990-initial-schema.js';
import { MakeAuditEventsAppendOnly1795423540990 } from './1795423540990-make-audit-events-append-only.js';
import { AddSectionDocuments1795425990660 } from './1795425990660-add-section-documents.js';
import { MarkIllustrativePopulations1795427221162 } from './1795427221162-mark-illustrative-populations.js';
import { AddCommentThreads1795435204839 } from './1795435204839-add-comment-threads.js';
import { AddReviewsNotificationsAndDailyWords1795435397600 } from './1795435397600-add-reviews-notifications-and-daily-words.js';
import { AddPlanDrafts1795435643143 } from './1795435643143-add-plan-drafts.js';
import { AddPlanPublications1795445329652 } from './1795445329652-add-plan-publications.js';
import { AddConsultation1795445727234 } from './1795445727234-add-consultation.js';
import { RecordPublishedPlanTitle1795445892482 } from './1795445892482-record-published-plan-title.js';
import { AddDraftSchedules1795446007577 } from './1795446007577-add-draft-schedules.js';
import { AddDraftExports1795446025930 } from './1795446025930-add-draft-exports.js';
import { AddDraftNotifications1795446210030 } from './1795446210030-add-draft-notifications.js';

/** Every migration, oldest first. Generate new ones with `npx nx run api:migration-generate --name=...`. */
export const migrations = [
  InitialSchema1795423539990,
  MakeAuditEventsAppendOnly1795423540990,
  AddSectionDocuments1795425990660,
  MarkIllustrativePopulations1795427221162,
  AddCommentThreads1795435204839,
  AddReviewsNotificationsAndDailyWords1795435397600,
  AddPlanDrafts1795435643143,
  AddPlanPublications1795445329652,
  AddConsultation1795445727234,
  RecordPublishedPlanTitle1795445892482,
  AddDraftSchedules1795446007577,
  AddDraftExports1795446025930,
  AddDraftNotifications1795446210030,
];
