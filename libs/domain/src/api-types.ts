/**
 * The shapes the REST API sends and receives under `/api`. Both the server (which builds them) and
 * the web client (which reads them) compile against these, so a change shows up on both sides.
 */
import type { DiffSummary, SectionChange } from '@commonplan/render';
import type { FootprintRole } from './roles.js';
import type { OrganisationKind } from './organisation-kinds.js';
import type { PlanKind, PlanStatus } from './plan-status.js';
import type { DraftScheduleOutcome, Weekday } from './draft-schedule.js';
import type { DraftStatus } from './draft-status.js';
import type { ExportFormat } from './export-formats.js';
import type { NotificationKind } from './notification-kinds.js';
import type { ReviewEventKind, ReviewStatus, SectionTheme } from './section-status.js';
import type { FootprintAction } from './permissions.js';
import type { DashboardConsultation } from './consultation-api-types.js';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Every error the API returns has this body. `field` names the input at fault, when there is one. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  field?: string;
  requestId?: string;
}

export interface OrganisationView {
  id: string;
  name: string;
  kind: OrganisationKind;
  odsCode: string | null;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  organisation: OrganisationView | null;
}

export interface MembershipSummary {
  footprintId: string;
  footprintSlug: string;
  footprintName: string;
  role: FootprintRole;
}

export interface Me {
  user: UserSummary;
  isAdmin: boolean;
  memberships: MembershipSummary[];
}

export interface SignInRequest {
  email: string;
  password: string;
}

/** `POST /api/auth/password`: every session of the person ends; this browser gets a new one. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface FootprintSummary {
  id: string;
  name: string;
  slug: string;
  region: string;
  population: number;
  /** The population is an illustrative figure (demo data), to be shown as such. */
  populationIsEstimate: boolean;
  myRole: FootprintRole | null;
  organisationCount: number;
  planCount: number;
}

export interface FootprintView extends FootprintSummary {
  /** What the signed-in person may do here, from the shared permission rules. */
  allowedActions: FootprintAction[];
  memberCount: number;
}

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: FootprintRole;
  organisation: OrganisationView | null;
  joinedAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  role: FootprintRole;
  organisation: OrganisationView | null;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}

/** Returned once, to the lead who created the invitation: the link is never shown again. */
export interface CreatedInvitation extends InvitationView {
  acceptUrl: string;
  emailed: boolean;
}

/** What a person following an invitation link sees before setting a password. */
export interface InvitationPreview {
  email: string;
  role: FootprintRole;
  footprintName: string;
  footprintSlug: string;
  invitedBy: string;
  expiresAt: string;
  hasAccount: boolean;
}

export interface PlanSummary {
  id: string;
  footprintId: string;
  footprintSlug: string;
  title: string;
  slug: string;
  kind: PlanKind;
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  sectionCount: number;
  updatedAt: string;
}

/**
 * A plan and what the signed-in person may do with it. Its sections come from
 * `GET /api/plans/:planId/sections` (a `SectionView[]` in plan order), because sections are their
 * own feature on the server.
 */
export interface PlanView extends PlanSummary {
  footprintName: string;
  allowedActions: FootprintAction[];
}

export interface AssigneeView {
  userId: string;
  name: string;
  email: string;
}

export interface SectionView {
  id: string;
  planId: string;
  position: number;
  title: string;
  theme: SectionTheme;
  leadOrganisation: OrganisationView | null;
  authors: AssigneeView[];
  reviewers: AssigneeView[];
  reviewStatus: ReviewStatus;
  dueDate: string | null;
  updatedAt: string;
}

export interface PersonRef {
  id: string;
  name: string;
}

/** One step of a section's review: who moved it, from what to what, when, and why. */
export interface ReviewEventView {
  id: string;
  kind: ReviewEventKind;
  from: ReviewStatus;
  to: ReviewStatus;
  actor: PersonRef | null;
  note: string | null;
  /** For a request: the reviewers asked. */
  reviewers: PersonRef[];
  at: string;
}

/** `GET /api/sections/:sectionId/review`: where a section's review stands, and its history. */
export interface SectionReviewView {
  sectionId: string;
  status: ReviewStatus;
  reviewers: AssigneeView[];
  /** The section is approved and its text has changed since the approval (or its confirmation). */
  editedSinceApproval: boolean;
  /** The approval in force, when the section is approved. */
  approval: { at: string; by: PersonRef | null } | null;
  /** Newest first. */
  events: ReviewEventView[];
}

/** One run of words in a changed block: kept, added since approval, or removed since. */
export interface TextChangePart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** One block (paragraph, heading, cell...) of the approved text against the text now. */
export interface BlockChange {
  kind: 'unchanged' | 'added' | 'removed' | 'changed';
  parts: TextChangePart[];
}

/** `GET /api/sections/:sectionId/review/changes`: what changed since the approval. */
export interface ApprovalChangesView {
  sectionId: string;
  approvedAt: string;
  approvedBy: PersonRef | null;
  editedSinceApproval: boolean;
  wordsAdded: number;
  wordsRemoved: number;
  blocks: BlockChange[];
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  footprintId: string;
  planId: string | null;
  sectionId: string | null;
  actor: PersonRef | null;
  text: string;
  /** Where in the web app the notification leads, e.g. `/sections/<id>`. */
  link: string;
  readAt: string | null;
  createdAt: string;
}

/** `GET /api/notifications`: my notifications, newest first, with how many are unread. */
export interface NotificationsPage extends Page<NotificationView> {
  unread: number;
}

export interface PlanMuteView {
  planId: string;
  muted: boolean;
}

/** Someone with the section open right now. */
export interface EditingNow {
  userId: string;
  name: string;
}

export interface DashboardSection {
  id: string;
  title: string;
  theme: SectionTheme;
  leadOrganisation: OrganisationView | null;
  status: ReviewStatus;
  words: number;
  dueDate: string | null;
  /** Past its due date and not approved. */
  overdue: boolean;
  /** Comment threads on its text still open. */
  openThreads: number;
  editingNow: EditingNow[];
}

export interface DashboardDay {
  day: string;
  counts: Record<ReviewStatus, number>;
}

export interface DashboardWordsDay {
  day: string;
  /** Words in the plan at the end of the day. */
  words: number;
  /** Words added that day (net, never below zero). */
  written: number;
}

/** `GET /api/plans/:planId/dashboard`. */
export interface PlanDashboardView {
  planId: string;
  title: string;
  /** Whether the reader sees overdue sections highlighted (leads). */
  showsOverdue: boolean;
  byStatus: Record<ReviewStatus, number>;
  byTheme: Array<{ theme: SectionTheme; count: number }>;
  sections: DashboardSection[];
  statusByDay: DashboardDay[];
  wordsByDay: DashboardWordsDay[];
  totalWords: number;
  /** Responses to the plan's public consultation, when one has been opened. */
  consultation: DashboardConsultation | null;
}

export interface AuditEventView {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { id: string; name: string; email: string } | null;
  address: string | null;
  details: Record<string, unknown>;
}

export interface HealthView {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  redis: 'up' | 'down';
  version: string;
}

/** The longest comment body accepted, in characters, after trimming. */
export const commentBodyMaxLength = 4000;
/** The most people one comment can mention. */
export const commentMaxMentions = 20;

export const commentThreadStatuses = ['open', 'resolved'] as const;
export type CommentThreadStatus = (typeof commentThreadStatuses)[number];

/** A person named on a thread or comment; null in its place when the account is gone. */
export interface PersonRef {
  id: string;
  name: string;
}

/**
 * Where a thread sits in the section's text: two Yjs relative positions, each
 * `Y.encodeRelativePosition` as base64 (see `libs/editor` comment-anchor).
 */
export interface CommentAnchorView {
  start: string;
  end: string;
}

/** One comment: plain text with `@Name` mentions; render it as text, never as HTML. */
export interface CommentView {
  id: string;
  threadId: string;
  author: PersonRef | null;
  body: string;
  mentions: PersonRef[];
  createdAt: string;
  editedAt: string | null;
}

/**
 * A comment thread on a section. `currentText` is what the anchor covers in the section as the
 * server holds it now; `detached` is true (and `currentText` null) when that text was deleted.
 * `quotedText` is what was selected when the thread started.
 */
export interface CommentThreadView {
  id: string;
  sectionId: string;
  anchor: CommentAnchorView;
  quotedText: string;
  currentText: string | null;
  detached: boolean;
  status: CommentThreadStatus;
  resolvedBy: PersonRef | null;
  resolvedAt: string | null;
  createdBy: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  comments: CommentView[];
}

/** `POST /api/sections/:sectionId/threads`. `mentionIds` are the members named with `@` in the body. */
export interface CreateCommentThreadRequest {
  anchor: CommentAnchorView;
  body: string;
  mentionIds?: string[];
}

/** `POST /api/threads/:threadId/comments` (a reply) and `PATCH /api/comments/:commentId` (an edit). */
export interface CommentBodyRequest {
  body: string;
  mentionIds?: string[];
}

/** A draft of a plan, as lists show it; `sectionsDone` of `sectionsTotal` is the live progress. */
export interface DraftSummary {
  id: string;
  planId: string;
  number: number;
  label: string;
  status: DraftStatus;
  /** Why the draft failed, for a lead to read; null unless `failed`. */
  failureReason: string | null;
  requestedBy: { id: string; name: string } | null;
  requestedAt: string;
  readyAt: string | null;
  sectionsTotal: number;
  sectionsDone: number;
  /** Words in the whole draft, once ready. */
  words: number | null;
  /** What changed since the previous ready draft, once ready (null for the first). */
  changesSincePrevious: { previousNumber: number; summary: DiffSummary } | null;
}

/** One section as a draft holds it: its text at the moment the draft was asked for. */
export interface DraftSectionView {
  sectionId: string;
  position: number;
  title: string;
  theme: SectionTheme;
  reviewStatus: ReviewStatus;
  /** Sanitised HTML, as the editor shows the section. */
  html: string;
  markdown: string;
  words: number;
}

/** A draft with its sections (empty until it is ready). */
export interface DraftView extends DraftSummary {
  planTitle: string;
  sections: DraftSectionView[];
}

/** ProseMirror's JSON form of a section's text, as the editor's `getJSON()` gives it. */
export interface SectionTextJson {
  type: string;
  content?: SectionTextJson[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  attrs?: Record<string, unknown>;
}

/**
 * `GET /api/drafts/:draftId/sections/:sectionId`: one section's text as a ready draft holds it, in
 * the editor's own form, so the editor can put it back as a new edit.
 */
export interface DraftSectionText {
  draftId: string;
  draftNumber: number;
  draftLabel: string;
  /** When the draft's text was taken: the moment it was asked for. */
  requestedAt: string;
  sectionId: string;
  title: string;
  content: SectionTextJson;
}

/** Body of `POST /api/plans/:planId/drafts`. */
export interface RequestDraftBody {
  label: string;
}

/** Body of `PUT /api/plans/:planId/draft-schedule`. `time` is `HH:MM` in Europe/London time. */
export interface DraftScheduleBody {
  days: Weekday[];
  time: string;
  onlyIfChanged: boolean;
  enabled: boolean;
  /** The label of each draft it makes; `{date}` becomes the day, e.g. `Scheduled draft, Monday 23 November 2026`. */
  labelPattern: string;
}

/** A plan's draft schedule, with when it next makes a draft (null when it is off). */
export interface DraftScheduleView extends DraftScheduleBody {
  planId: string;
  timeZone: string;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastOutcome: DraftScheduleOutcome | null;
  lastDraftId: string | null;
  updatedAt: string;
}

/** `GET /api/plans/:planId/draft-schedule`: null when the plan has none. */
export interface DraftScheduleResponse {
  schedule: DraftScheduleView | null;
}

/** `GET /api/plans/:planId/drafts/compare?from=&to=`: what changed from one draft to another. */
export interface DraftComparison {
  from: DraftSummary;
  to: DraftSummary;
  summary: DiffSummary;
  sections: SectionChange[];
}

/**
 * A ready draft made public: `POST /api/drafts/:draftId/publish`, `GET /api/plans/:planId/publications`.
 * `number` counts the plan's publications (1, 2, 3...); `publicPath` is the plan's public page.
 */
export interface PublicationSummary {
  id: string;
  planId: string;
  draftId: string;
  draftNumber: number;
  number: number;
  publishedAt: string;
  publishedBy: { id: string; name: string } | null;
  publicPath: string;
}

/*
 * The public pages (`/api/public/...`, no account needed). Only what was published is here: no
 * people, no ids, no draft labels, no review status; see decision 15.
 */

/** One publication of a plan, as the public sees it listed. */
export interface PublicPublicationRef {
  /** 1, 2, 3... per plan. */
  number: number;
  /** The number of the draft that was published. */
  draftNumber: number;
  publishedAt: string;
}

/** One section of a published draft; `anchor` is its id on the public page. */
export interface PublicSection {
  anchor: string;
  title: string;
  theme: SectionTheme;
  /** Sanitised HTML, as stored when the draft was made. */
  html: string;
  words: number;
}

/** A section that changed between two publications (`anchor` is null for a removed one). */
export interface PublicSectionChange extends Omit<SectionChange, 'sectionId'> {
  anchor: string | null;
}

/** `GET /api/public/footprints/:footprintSlug/plans/:planSlug[/publications/:number]`. */
export interface PublicPlanView {
  footprint: { name: string; slug: string };
  plan: { title: string; slug: string };
  publication: PublicPublicationRef & { words: number; latest: boolean };
  sections: PublicSection[];
  /** Every publication of the plan, newest first. */
  publications: PublicPublicationRef[];
  /** What changed since the publication before this one (null for the first). */
  changesSincePrevious: {
    previousNumber: number;
    previousDraftNumber: number;
    summary: DiffSummary;
    /** Only the sections that changed, were added or were removed. */
    sections: PublicSectionChange[];
  } | null;
}

/** `GET /api/public/footprints/:footprintSlug`: the footprint's published plans. */
export interface PublicFootprintView {
  footprint: { name: string; slug: string };
  plans: Array<{ title: string; slug: string; latest: PublicPublicationRef }>;
}

/**
 * A draft exported as a file: one per draft and format. `downloadUrl` is set once it is ready;
 * `failureReason` says what went wrong, for a lead to read, once it has failed for good.
 */
export interface DraftExportSummary {
  id: string;
  draftId: string;
  planId: string;
  format: ExportFormat;
  status: DraftStatus;
  failureReason: string | null;
  requestedBy: { id: string; name: string } | null;
  requestedAt: string;
  readyAt: string | null;
  fileName: string;
  byteSize: number | null;
  downloadUrl: string | null;
}

/** Body of `POST /api/drafts/:draftId/exports`. */
export interface RequestDraftExportBody {
  format: ExportFormat;
}
