/**
 * Changes to who may see or edit what, announced on Redis so every API instance can make the
 * real-time connections it holds follow them within seconds.
 */
export type AccessChange =
  | { kind: 'member'; footprintId: string; userId: string }
  | { kind: 'section'; sectionId: string }
  /** Some of a person's sessions ended (sign-out, sign-out everywhere, password change). */
  | { kind: 'sessions'; userId: string };

export function accessChangesChannel(redisPrefix: string): string {
  return `${redisPrefix}access-changes`;
}

/** Reads a message from the channel, or null when it is not one of ours. */
export function readAccessChange(message: string): AccessChange | null {
  try {
    const value = JSON.parse(message) as Partial<Record<string, unknown>>;
    if (
      value.kind === 'member' &&
      typeof value.footprintId === 'string' &&
      typeof value.userId === 'string'
    )
      return { kind: 'member', footprintId: value.footprintId, userId: value.userId };
    if (value.kind === 'section' && typeof value.sectionId === 'string')
      return { kind: 'section', sectionId: value.sectionId };
    if (value.kind === 'sessions' && typeof value.userId === 'string')
      return { kind: 'sessions', userId: value.userId };
    return null;
  } catch {
    return null;
  }
}
