import type { FootprintRole } from './roles.js';

/**
 * Everything a person can ask to do inside a footprint. The server checks every request against
 * `can`; the web client uses the same function only to hide what a person may not do.
 */
export const footprintActions = [
  'footprint.read',
  'members.read',
  'members.invite',
  'members.manage',
  'organisations.read',
  'organisations.manage',
  'audit.read',
  'plan.read',
  'plan.create',
  'plan.update',
  'plan.changeStatus',
  'section.read',
  'section.create',
  'section.update',
  'section.reorder',
  'section.delete',
  'section.editText',
  'section.comment',
  'comment.resolve',
  'section.requestReview',
  'section.decideReview',
  'section.reconsiderApproval',
  'draft.read',
  'draft.generate',
  'draft.compare',
  'draft.publish',
  'consultation.manage',
] as const;
export type FootprintAction = (typeof footprintActions)[number];

/** Who is asking: their role in this footprint (none if not a member) and whether they run the instance. */
export interface Actor {
  role: FootprintRole | null;
  isAdmin: boolean;
}

const viewerActions: readonly FootprintAction[] = [
  'footprint.read',
  'members.read',
  'organisations.read',
  'plan.read',
  'section.read',
  'draft.read',
];

/**
 * Reviewers and authors both start threads, reply and resolve: a reviewer closes the point they
 * raised once it is answered, an author once it is dealt with. Editing a comment is the
 * `section.comment` right plus having written it.
 */
const reviewerActions: readonly FootprintAction[] = [
  ...viewerActions,
  'section.comment',
  'comment.resolve',
  'section.decideReview',
];

const authorActions: readonly FootprintAction[] = [
  ...viewerActions,
  'section.editText',
  'section.comment',
  'comment.resolve',
  'section.requestReview',
];

/** Leads may do everything in their footprint. */
const leadActions: readonly FootprintAction[] = footprintActions;

const roleActions: Record<FootprintRole, ReadonlySet<FootprintAction>> = {
  lead: new Set(leadActions),
  author: new Set(authorActions),
  reviewer: new Set(reviewerActions),
  viewer: new Set(viewerActions),
};

/**
 * Instance admins run the service: they see a footprint's structure, its members and its audit
 * trail, and manage who belongs, but they do not read a plan's text unless a footprint makes them a
 * member. Unpublished plans stay with the partnership.
 */
const adminActions: ReadonlySet<FootprintAction> = new Set<FootprintAction>([
  'footprint.read',
  'members.read',
  'members.invite',
  'members.manage',
  'organisations.read',
  'organisations.manage',
  'audit.read',
]);

export function can(actor: Actor, action: FootprintAction): boolean {
  if (actor.role && roleActions[actor.role].has(action)) return true;
  return actor.isAdmin && adminActions.has(action);
}

/**
 * What is done to the instance itself rather than inside a footprint: running the service (seeing
 * the jobs that failed for good). Only its admins may, whatever their roles in footprints; what
 * they see names no plan's text (decision 3).
 */
export const instanceActions = ['operations.read'] as const;
export type InstanceAction = (typeof instanceActions)[number];

export function canOnInstance(actor: Pick<Actor, 'isAdmin'>, action: InstanceAction): boolean {
  return actor.isAdmin && instanceActions.includes(action);
}

/** True when the actor may see that the footprint exists at all. */
export function canSeeFootprint(actor: Actor): boolean {
  return can(actor, 'footprint.read');
}

/** Roles an assigned author or reviewer of a section must hold. */
export const sectionAuthorRoles: readonly FootprintRole[] = ['lead', 'author'];
export const sectionReviewerRoles: readonly FootprintRole[] = ['lead', 'reviewer'];
