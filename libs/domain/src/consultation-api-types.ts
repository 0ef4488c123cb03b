/**
 * The REST shapes of public consultation (kept beside `api-types.ts` so the feature's shapes read
 * together): the public form's view and answer, and the lead's moderation views.
 */
import type {
  ConsultationResponseStatus,
  ConsultationState,
  RespondentType,
} from './consultation.js';

/** A consultation's dates (YYYY-MM-DD, days in England, both included) and where it stands now. */
export interface ConsultationDates {
  opensOn: string;
  closesOn: string;
  /** When a lead closed it before its last day, if they did. */
  closedEarlyAt: string | null;
  state: ConsultationState;
}

/** `GET /api/public/footprints/:footprintSlug/plans/:planSlug/consultation`. */
export interface PublicConsultationView {
  footprint: { name: string; slug: string };
  plan: { title: string; slug: string };
  publication: { number: number; publishedAt: string };
  /** Null when no consultation has been opened on this plan. */
  consultation: ConsultationDates | null;
  /** The sections of the published draft, in order, to respond on one of them. */
  sections: Array<{ id: string; title: string }>;
  /** Sent back with the response: says when the form was served, signed by the server. */
  formToken: string;
  /** How long a name and email address given with a response are kept after the consultation closes. */
  contactRetentionDays: number;
}

/** `POST …/consultation/responses`. */
export interface PublicConsultationResponseBody {
  respondentType: RespondentType;
  organisationName?: string | null;
  name?: string | null;
  email?: string | null;
  /** Null or absent: on the whole draft. */
  sectionId?: string | null;
  body: string;
  formToken: string;
  /** Left empty by people; the form hides it. */
  website?: string;
}

export interface PublicConsultationResponseReceipt {
  received: true;
  /** Always `pending` to the sender: a response is read by the partnership before it counts. */
  status: 'pending';
}

/** `PUT /api/plans/:planId/consultation`. */
export interface SetConsultationDatesBody {
  opensOn: string;
  closesOn: string;
}

export interface ConsultationSectionCount {
  /** Null for responses on the whole draft. */
  sectionId: string | null;
  title: string;
  accepted: number;
  pending: number;
}

/** `GET /api/plans/:planId/consultation` (leads). */
export interface ConsultationView {
  planId: string;
  /** Null when the plan has not been published: a consultation needs a published draft. */
  publication: { id: string; number: number; publishedAt: string } | null;
  consultation: (ConsultationDates & { publicPath: string }) | null;
  sections: Array<{ id: string; title: string }>;
  totals: Record<ConsultationResponseStatus, number>;
  bySection: ConsultationSectionCount[];
}

export interface ConsultationResponseView {
  id: string;
  receivedAt: string;
  status: ConsultationResponseStatus;
  respondentType: RespondentType;
  organisationName: string | null;
  name: string | null;
  email: string | null;
  sectionId: string | null;
  sectionTitle: string | null;
  publicationNumber: number;
  body: string;
  spamReasons: string[];
  moderatedAt: string | null;
  moderatedBy: { id: string; name: string } | null;
}

/** On the plan dashboard: responses counted per section (accepted and pending; never spam). */
export interface DashboardConsultation {
  opensOn: string;
  closesOn: string;
  state: ConsultationState;
  accepted: number;
  pending: number;
  bySection: ConsultationSectionCount[];
}
