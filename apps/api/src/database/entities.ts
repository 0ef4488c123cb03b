import { AuditEvent } from '../audit/audit-event.entity.js';
import { InstanceAdmin } from '../auth/instance-admin.entity.js';
import { Session } from '../auth/session.entity.js';
import { User } from '../auth/user.entity.js';
import { CommentThread } from '../comments/comment-thread.entity.js';
import { Comment } from '../comments/comment.entity.js';
import { DraftSchedule } from '../draft-schedules/draft-schedule.entity.js';
import { PlanDraftSection } from '../drafts/plan-draft-section.entity.js';
import { PlanDraft } from '../drafts/plan-draft.entity.js';
import { DraftExport } from '../exports/draft-export.entity.js';
import { Footprint } from '../footprints/footprint.entity.js';
import { Membership } from '../auth/membership.entity.js';
import { Invitation } from '../invitations/invitation.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { SectionAssignee } from '../sections/section-assignee.entity.js';
import { SectionDocument } from '../sections/section-document.entity.js';
import { SectionUpdate } from '../sections/section-update.entity.js';
import { Section } from '../sections/section.entity.js';
import { SectionReviewEvent } from '../reviews/section-review-event.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { PlanMute } from '../notifications/plan-mute.entity.js';
import { SectionDailyWords } from '../dashboard/section-daily-words.entity.js';
import { PlanPublication } from '../publishing/plan-publication.entity.js';
import { PlanConsultation } from '../consultation/plan-consultation.entity.js';
import { ConsultationResponse } from '../consultation/consultation-response.entity.js';

/** Every table the API maps; migrations must match these exactly. */
export const entities = [
  Organisation,
  User,
  InstanceAdmin,
  Session,
  Footprint,
  Membership,
  Invitation,
  Plan,
  Section,
  SectionAssignee,
  SectionDocument,
  SectionUpdate,
  CommentThread,
  Comment,
  PlanDraft,
  PlanDraftSection,
  DraftSchedule,
  DraftExport,
  PlanPublication,
  AuditEvent,
  SectionReviewEvent,
  Notification,
  PlanMute,
  SectionDailyWords,
  PlanConsultation,
  ConsultationResponse,
];
