/**
 * The kinds of thing the footprint activity feed can be filtered to, each the audit actions it
 * covers (by the part of the action name before the dot, or whole action names).
 */
export const activityKinds = [
  'sign_in',
  'footprint',
  'members',
  'plans',
  'sections',
  'reviews',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const activityKindLabels: Record<ActivityKind, string> = {
  sign_in: 'Signing in and out',
  footprint: 'Footprint and organisations',
  members: 'Members and invitations',
  plans: 'Plans',
  sections: 'Section changes',
  reviews: 'Reviews',
};

/** The review steps, as recorded in the audit trail. */
export const reviewAuditActions = [
  'section.review_requested',
  'section.approved',
  'section.changes_requested',
  'section.approval_confirmed',
  'section.approval_withdrawn',
] as const;

/** Audit action prefixes (`plan.`) and whole actions each kind covers. */
export const activityKindActions: Record<ActivityKind, { prefixes: string[]; actions: string[] }> =
  {
    sign_in: { prefixes: ['auth.'], actions: [] },
    footprint: { prefixes: ['footprint.', 'organisation.', 'demo.'], actions: [] },
    members: { prefixes: ['member.', 'invitation.'], actions: [] },
    plans: { prefixes: ['plan.', 'consultation.'], actions: [] },
    sections: {
      prefixes: [],
      actions: [
        'section.created',
        'section.updated',
        'section.reordered',
        'section.deleted',
        'section.text_restored',
      ],
    },
    reviews: { prefixes: [], actions: [...reviewAuditActions] },
  };
