/**
 * Who is told about something: each person named once, never the person who did it, and only those
 * still in the footprint who have not muted the plan.
 */
export function notificationRecipients(input: {
  recipientIds: readonly string[];
  actorId: string | null;
  memberIds: ReadonlySet<string>;
  mutedIds: ReadonlySet<string>;
}): string[] {
  const seen = new Set<string>();
  for (const id of input.recipientIds) {
    if (id === input.actorId || seen.has(id)) continue;
    if (!input.memberIds.has(id) || input.mutedIds.has(id)) continue;
    seen.add(id);
  }
  return [...seen];
}
