/**
 * `@Name` mentions in comment bodies. A body is plain text: a mention is the text `@` followed by
 * a member's name, and the client sends the ids of the members it names beside the body.
 */

export interface MentionCandidate {
  id: string;
  name: string;
}

/** The mention being typed at the caret: where its `@` is and what follows it, or null. */
export function mentionQueryAt(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s|[(["']/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /\n/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, query };
}

/** Members whose name starts any word with the query, best matches first, at most `limit`. */
export function matchingMembers<T extends MentionCandidate>(
  members: readonly T[],
  query: string,
  limit = 8,
): T[] {
  const wanted = query.trim().toLowerCase();
  const scored = members
    .map((member) => {
      const name = member.name.toLowerCase();
      const score = name.startsWith(wanted)
        ? 0
        : name.split(/\s+/).some((word) => word.startsWith(wanted))
          ? 1
          : -1;
      return { member, score };
    })
    .filter(({ score }) => score >= 0);
  scored.sort((a, b) => a.score - b.score || a.member.name.localeCompare(b.member.name));
  return scored.slice(0, limit).map(({ member }) => member);
}

/** The ids of the chosen members whose `@Name` is still in the body, each once. */
export function mentionedIds(body: string, chosen: readonly MentionCandidate[]): string[] {
  const ids: string[] = [];
  for (const member of chosen) {
    if (ids.includes(member.id)) continue;
    if (body.includes(`@${member.name}`)) ids.push(member.id);
  }
  return ids;
}

/** A body split into plain runs and the `@Name` mentions of the members given, for display. */
export function mentionSegments(
  body: string,
  mentioned: readonly MentionCandidate[],
): Array<{ text: string; mention: boolean }> {
  const names = [...new Set(mentioned.map((member) => `@${member.name}`))].sort(
    (a, b) => b.length - a.length,
  );
  const segments: Array<{ text: string; mention: boolean }> = [];
  let plain = '';
  for (let index = 0; index < body.length;) {
    const name = body[index] === '@' ? names.find((n) => body.startsWith(n, index)) : undefined;
    if (name) {
      if (plain) segments.push({ text: plain, mention: false });
      plain = '';
      segments.push({ text: name, mention: true });
      index += name.length;
    } else {
      plain += body[index];
      index += 1;
    }
  }
  if (plain) segments.push({ text: plain, mention: false });
  return segments;
}
