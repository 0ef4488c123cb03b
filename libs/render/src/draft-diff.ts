import type { TextBlock } from './text-blocks.js';
import { wordsOf } from './text-blocks.js';
import { wordDiff, type WordPart } from './word-diff.js';

/** One section of a draft as the diff reads it. */
export interface DiffSection {
  sectionId: string;
  title: string;
  blocks: readonly TextBlock[];
}

export type Change = 'same' | 'added' | 'removed' | 'changed';

export interface TableCellChange {
  change: Change;
  text: string;
  /** Word by word, when the cell changed. */
  parts?: WordPart[];
}

export interface TableRowChange {
  change: Change;
  cells: TableCellChange[];
}

export type BlockChange =
  | { change: 'same'; block: TextBlock }
  | { change: 'added'; block: TextBlock }
  | { change: 'removed'; block: TextBlock }
  /** The same block, from another place in the section (indexes into the older and newer block lists). */
  | { change: 'moved'; block: TextBlock; fromIndex: number; toIndex: number }
  | {
      change: 'changed';
      before: TextBlock;
      after: TextBlock;
      /** Word by word; for tables, see `rows`. */
      parts: WordPart[];
      rows?: TableRowChange[];
    };

export interface SectionChange {
  sectionId: string;
  title: string;
  /** Set when the section was renamed. */
  previousTitle?: string;
  change: Change;
  /** The section sits at another place in the plan's order. */
  moved: boolean;
  blocks: BlockChange[];
  wordsAdded: number;
  wordsRemoved: number;
}

export interface DiffSummary {
  sectionsChanged: number;
  sectionsAdded: number;
  sectionsRemoved: number;
  sectionsUnchanged: number;
  wordsAdded: number;
  wordsRemoved: number;
}

export interface DraftDiff {
  sections: SectionChange[];
  summary: DiffSummary;
}

/** Below this share of words in common, two paragraphs are a removal and an addition, not an edit. */
const pairingSimilarity = 0.3;

/** Pairs of equal items in order (a longest common subsequence), as [indexInA, indexInB]. */
function commonSubsequence<T>(a: readonly T[], b: readonly T[]): Array<[number, number]> {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const n = endA - start;
  const m = endB - start;
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1)
    for (let j = m - 1; j >= 0; j -= 1)
      lengths[i]![j] =
        a[start + i] === b[start + j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < start; i += 1) pairs.push([i, i]);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      pairs.push([start + i, start + j]);
      i += 1;
      j += 1;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i += 1;
    else j += 1;
  }
  for (let k = 0; k < a.length - endA; k += 1) pairs.push([endA + k, endB + k]);
  return pairs;
}

function blockKey(block: TextBlock): string {
  switch (block.kind) {
    case 'heading':
      return `h${block.level}:${block.text}`;
    case 'listItem':
      return `li${block.ordered ? 'o' : 'u'}${block.depth}:${block.text}`;
    case 'table':
      return `table:${JSON.stringify(block.rows)}`;
    default:
      return `${block.kind}:${block.text}`;
  }
}

function tableRows(
  before: string[][],
  after: string[][],
): {
  rows: TableRowChange[];
  wordsAdded: number;
  wordsRemoved: number;
} {
  const key = (row: string[]) => JSON.stringify(row);
  const anchors = commonSubsequence(before.map(key), after.map(key));
  const rows: TableRowChange[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  const whole = (row: string[], change: 'added' | 'removed'): TableRowChange => {
    for (const cell of row) {
      if (change === 'added') wordsAdded += wordsOf(cell).length;
      else wordsRemoved += wordsOf(cell).length;
    }
    return { change, cells: row.map((text) => ({ change, text })) };
  };
  let i = 0;
  let j = 0;
  for (const [anchorA, anchorB] of [
    ...anchors,
    [before.length, after.length] as [number, number],
  ]) {
    // Rows between anchors are paired in order and compared cell by cell; the rest were added or removed.
    const removed = before.slice(i, anchorA);
    const added = after.slice(j, anchorB);
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k += 1) {
      const older = removed[k]!;
      const newer = added[k]!;
      const cells: TableCellChange[] = [];
      for (let c = 0; c < Math.max(older.length, newer.length); c += 1) {
        const was = older[c];
        const now = newer[c];
        if (was === undefined) {
          wordsAdded += wordsOf(now ?? '').length;
          cells.push({ change: 'added', text: now ?? '' });
        } else if (now === undefined) {
          wordsRemoved += wordsOf(was).length;
          cells.push({ change: 'removed', text: was });
        } else if (was === now) {
          cells.push({ change: 'same', text: now });
        } else {
          const diff = wordDiff(was, now);
          wordsAdded += diff.wordsAdded;
          wordsRemoved += diff.wordsRemoved;
          cells.push({ change: 'changed', text: now, parts: diff.parts });
        }
      }
      rows.push({ change: 'changed', cells });
    }
    for (const row of removed.slice(paired)) rows.push(whole(row, 'removed'));
    for (const row of added.slice(paired)) rows.push(whole(row, 'added'));
    if (anchorA < before.length && anchorB < after.length)
      rows.push({
        change: 'same',
        cells: after[anchorB]!.map((text) => ({ change: 'same' as const, text })),
      });
    i = anchorA + 1;
    j = anchorB + 1;
  }
  return { rows, wordsAdded, wordsRemoved };
}

/** Compares the blocks of one section in two drafts. */
export function diffBlocks(
  before: readonly TextBlock[],
  after: readonly TextBlock[],
): { blocks: BlockChange[]; wordsAdded: number; wordsRemoved: number } {
  const beforeKeys = before.map(blockKey);
  const afterKeys = after.map(blockKey);
  const anchors = commonSubsequence(beforeKeys, afterKeys);
  /** For each older block: its newer partner and how they relate. */
  const fromPartner = new Map<number, { to: number; kind: 'same' | 'moved' | 'changed' }>();
  const toPartner = new Map<number, { from: number; kind: 'same' | 'moved' | 'changed' }>();
  for (const [a, b] of anchors) {
    fromPartner.set(a, { to: b, kind: 'same' });
    toPartner.set(b, { from: a, kind: 'same' });
  }

  // A block that left one place and appears unchanged in another was moved, not rewritten.
  const unmatchedFrom = new Map<string, number[]>();
  before.forEach((block, index) => {
    if (fromPartner.has(index) || block.text === '') return;
    const key = beforeKeys[index]!;
    unmatchedFrom.set(key, [...(unmatchedFrom.get(key) ?? []), index]);
  });
  after.forEach((block, index) => {
    if (toPartner.has(index) || block.text === '') return;
    const from = unmatchedFrom.get(afterKeys[index]!)?.shift();
    if (from === undefined) return;
    fromPartner.set(from, { to: index, kind: 'moved' });
    toPartner.set(index, { from, kind: 'moved' });
  });

  // Between two unchanged blocks, pair what was removed with what was added when they are alike.
  const gaps = [...anchors, [before.length, after.length] as [number, number]];
  let gapFrom = 0;
  let gapTo = 0;
  const changes = new Map<number, ReturnType<typeof wordDiff> & { rows?: TableRowChange[] }>();
  for (const [anchorA, anchorB] of gaps) {
    let next = gapTo;
    for (let a = gapFrom; a < anchorA; a += 1) {
      if (fromPartner.has(a)) continue;
      const older = before[a]!;
      for (let b = next; b < anchorB; b += 1) {
        if (toPartner.has(b)) continue;
        const newer = after[b]!;
        if (newer.kind !== older.kind) continue;
        if (older.kind === 'table' && newer.kind === 'table') {
          const table = tableRows(older.rows, newer.rows);
          changes.set(b, {
            parts: [],
            wordsAdded: table.wordsAdded,
            wordsRemoved: table.wordsRemoved,
            similarity: 0,
            rows: table.rows,
          });
        } else {
          const diff = wordDiff(older.text, newer.text);
          if (diff.similarity < pairingSimilarity) continue;
          changes.set(b, diff);
        }
        fromPartner.set(a, { to: b, kind: 'changed' });
        toPartner.set(b, { from: a, kind: 'changed' });
        next = b + 1;
        break;
      }
    }
    gapFrom = anchorA + 1;
    gapTo = anchorB + 1;
  }

  const blocks: BlockChange[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  let from = 0;
  const removedUpTo = (end: number) => {
    for (; from < end; from += 1) {
      if (fromPartner.has(from)) continue;
      const block = before[from]!;
      wordsRemoved += wordsOf(block.text).length;
      blocks.push({ change: 'removed', block });
    }
  };
  after.forEach((block, index) => {
    const partner = toPartner.get(index);
    if (!partner) {
      wordsAdded += wordsOf(block.text).length;
      blocks.push({ change: 'added', block });
      return;
    }
    if (partner.kind === 'moved') {
      blocks.push({ change: 'moved', block, fromIndex: partner.from, toIndex: index });
      return;
    }
    removedUpTo(partner.from);
    from = partner.from + 1;
    if (partner.kind === 'same') {
      blocks.push({ change: 'same', block });
      return;
    }
    const diff = changes.get(index)!;
    wordsAdded += diff.wordsAdded;
    wordsRemoved += diff.wordsRemoved;
    blocks.push({
      change: 'changed',
      before: before[partner.from]!,
      after: block,
      parts: diff.parts,
      ...(diff.rows ? { rows: diff.rows } : {}),
    });
  });
  removedUpTo(before.length);
  return { blocks, wordsAdded, wordsRemoved };
}

/**
 * Compares two drafts of a plan: sections matched by id (added, removed, renamed, reordered,
 * changed), blocks aligned within each section, words compared inside changed paragraphs and
 * table cells, and a summary of what changed.
 */
export function diffDrafts(
  before: readonly DiffSection[],
  after: readonly DiffSection[],
): DraftDiff {
  const beforeById = new Map(before.map((section) => [section.sectionId, section]));
  const afterIds = new Set(after.map((section) => section.sectionId));
  const keptBefore = before.filter((section) => afterIds.has(section.sectionId));
  const keptAfter = after.filter((section) => beforeById.has(section.sectionId));
  const inOrder = new Set(
    commonSubsequence(
      keptBefore.map((section) => section.sectionId),
      keptAfter.map((section) => section.sectionId),
    ).map(([, b]) => keptAfter[b]!.sectionId),
  );

  const sections: SectionChange[] = [];
  for (const section of after) {
    const older = beforeById.get(section.sectionId);
    if (!older) {
      const added = diffBlocks([], section.blocks);
      sections.push({
        sectionId: section.sectionId,
        title: section.title,
        change: 'added',
        moved: false,
        ...added,
      });
      continue;
    }
    const compared = diffBlocks(older.blocks, section.blocks);
    const moved = !inOrder.has(section.sectionId);
    const renamed = older.title !== section.title;
    const textChanged = compared.blocks.some((block) => block.change !== 'same');
    sections.push({
      sectionId: section.sectionId,
      title: section.title,
      ...(renamed ? { previousTitle: older.title } : {}),
      change: textChanged || renamed || moved ? 'changed' : 'same',
      moved,
      ...compared,
    });
  }
  for (const section of before) {
    if (afterIds.has(section.sectionId)) continue;
    const removed = diffBlocks(section.blocks, []);
    sections.push({
      sectionId: section.sectionId,
      title: section.title,
      change: 'removed',
      moved: false,
      ...removed,
    });
  }

  const count = (change: Change) => sections.filter((section) => section.change === change).length;
  return {
    sections,
    summary: {
      sectionsChanged: count('changed'),
      sectionsAdded: count('added'),
      sectionsRemoved: count('removed'),
      sectionsUnchanged: count('same'),
      wordsAdded: sections.reduce((total, section) => total + section.wordsAdded, 0),
      wordsRemoved: sections.reduce((total, section) => total + section.wordsRemoved, 0),
    },
  };
}
