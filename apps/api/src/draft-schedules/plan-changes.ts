import * as Y from 'yjs';

/** A section as a draft would copy it: its place, details and stored text. */
export interface SectionState {
  sectionId: string;
  position: number;
  title: string;
  theme: string;
  reviewStatus: string;
  /** The stored Yjs updates (a snapshot and log rows, or a draft's one merged state). */
  text: readonly Uint8Array[];
}

/**
 * What a section's text holds, whatever the shape of its storage: the Yjs state vector (every
 * insertion) and delete set (every deletion). Compaction, merging and the order rows were
 * committed in do not change it; any edit does.
 */
function textIdentity(updates: readonly Uint8Array[]): Y.Snapshot {
  const doc = new Y.Doc({ gc: false });
  for (const update of updates) Y.applyUpdate(doc, update);
  const identity = Y.snapshot(doc);
  doc.destroy();
  return identity;
}

/**
 * Whether a draft made now would differ from the plan's last draft: a section added, removed,
 * moved, renamed, re-themed, with another review status, or with any edit to its text. With no
 * last draft, it has changed.
 */
export function planChangedSince(
  current: readonly SectionState[],
  last: readonly SectionState[] | null,
): boolean {
  if (!last || current.length !== last.length) return true;
  const before = new Map(last.map((section) => [section.sectionId, section]));
  return current.some((section) => {
    const old = before.get(section.sectionId);
    if (!old) return true;
    if (
      old.position !== section.position ||
      old.title !== section.title ||
      old.theme !== section.theme ||
      old.reviewStatus !== section.reviewStatus
    )
      return true;
    return !Y.equalSnapshots(textIdentity(old.text), textIdentity(section.text));
  });
}
