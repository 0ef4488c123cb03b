/** Why a person is told something in the app (and by email when the instance sends mail). */
export const notificationKinds = [
  'mentioned',
  'review_requested',
  'section_approved',
  'changes_requested',
  'thread_reply',
  'draft_ready',
  'draft_failed',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindLabels: Record<NotificationKind, string> = {
  mentioned: 'You were mentioned',
  review_requested: 'Review requested',
  section_approved: 'Section approved',
  changes_requested: 'Changes requested',
  thread_reply: 'Reply in your thread',
  draft_ready: 'Draft ready',
  draft_failed: 'Draft failed',
};
