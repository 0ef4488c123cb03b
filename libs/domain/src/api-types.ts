/**
 * The shapes the REST API sends and receives under `/api`. Both the server (which builds them) and
 * the web client (which reads them) compile against these, so a change shows up on both sides.
 */
import type { DiffSummary, SectionChange } from '@commonplan/render';
import type { FootprintRole } from './roles.js';
import type { OrganisationKind } from './organisation-kinds.js';
import type { PlanKind, PlanStatus } from './plan-status.js';
import type { DraftStatus } from './draft-status.js';
import type { ReviewStatus, SectionTheme } from './section-status.js';
import type { FootprintAction } from './permissions.js';

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

/** Body of `POST /api/plans/:planId/drafts`. */
export interface RequestDraftBody {
  label: string;
}

/** `GET /api/plans/:planId/drafts/compare?from=&to=`: what changed from one draft to another. */
export interface DraftComparison {
  from: DraftSummary;
  to: DraftSummary;
  summary: DiffSummary;
  sections: SectionChange[];
}
