import {
  footprintRoleLabels,
  isFootprintRole,
  planStatusLabels,
  type AuditEventView,
  type PlanStatus,
} from '@commonplan/domain';

const actionLabels: Record<string, string> = {
  'auth.signed_in': 'Signed in',
  'auth.signed_out': 'Signed out',
  'auth.sign_in_failed': 'Failed to sign in',
  'footprint.created': 'Created the footprint',
  'footprint.updated': 'Changed the footprint’s details',
  'invitation.created': 'Invited someone',
  'invitation.accepted': 'Accepted an invitation',
  'invitation.revoked': 'Revoked an invitation',
  'member.role_changed': 'Changed a member’s role',
  'member.removed': 'Removed a member',
  'organisation.added': 'Added an organisation',
  'plan.created': 'Created a plan',
  'plan.updated': 'Changed a plan’s details',
  'plan.status_changed': 'Changed a plan’s status',
  'plan.published': 'Published a draft',
  'section.created': 'Added a section',
  'section.updated': 'Changed a section',
  'section.reordered': 'Reordered the sections',
  'section.deleted': 'Deleted a section',
  'section.text_restored': 'Restored a section’s text from a draft',
  'comment_thread.created': 'Started a comment thread',
  'comment_thread.replied': 'Replied to a comment thread',
  'comment_thread.resolved': 'Resolved a comment thread',
  'comment_thread.reopened': 'Reopened a comment thread',
  'section.review_requested': 'Asked for review of',
  'section.approved': 'Approved',
  'section.changes_requested': 'Asked for changes to',
  'section.approval_confirmed': 'Confirmed the approval still stands of',
  'section.approval_withdrawn': 'Withdrew the approval of',
  'consultation.opened': 'Opened the public consultation',
  'consultation.dates_changed': 'Changed the consultation’s dates',
  'consultation.closed': 'Closed the public consultation early',
  'consultation.response_accepted': 'Accepted a consultation response',
  'consultation.response_rejected': 'Rejected a consultation response',
};

const reviewActions = new Set([
  'section.review_requested',
  'section.approved',
  'section.changes_requested',
  'section.approval_confirmed',
  'section.approval_withdrawn',
]);

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** What happened, in words, with the most telling detail the event carries. */
export function describeAuditEvent(event: AuditEventView): string {
  const label = actionLabels[event.action] ?? event.action.replace(/[._]/g, ' ');
  const details = event.details;
  const role = details.role ?? details.to;
  if (
    event.action === 'plan.status_changed' &&
    typeof details.to === 'string' &&
    details.to in planStatusLabels
  )
    return `${label}: now ${planStatusLabels[details.to as PlanStatus].toLowerCase()}`;
  if (
    event.action === 'plan.published' &&
    typeof details.draftNumber === 'number' &&
    typeof details.publicationNumber === 'number'
  )
    return `Published draft ${details.draftNumber} as publication ${details.publicationNumber}`;
  if (event.action === 'section.text_restored' && typeof details.draftNumber === 'number')
    return `Restored the text of “${text(details.title) ?? 'a section'}” from draft ${details.draftNumber}`;
  if (event.action === 'member.role_changed' && isFootprintRole(role))
    return `${label}: now ${footprintRoleLabels[role].toLowerCase()}`;
  if (reviewActions.has(event.action)) {
    const title = text(details.title);
    const note = text(details.note);
    return `${label} “${title ?? 'a section'}”${note ? `, noting: ${note}` : ''}`;
  }
  const subject = text(details.title) ?? text(details.name) ?? text(details.email);
  return subject ? `${label}: ${subject}` : label;
}
