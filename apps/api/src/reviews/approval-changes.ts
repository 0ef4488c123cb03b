import type { BlockChange, TextChangePart } from '@commonplan/domain';
import { countWords } from '@commonplan/editor';
import { diffArrays, diffWords } from 'diff';

export interface ApprovalChanges {
  edited: boolean;
  wordsAdded: number;
  wordsRemoved: number;
  blocks: BlockChange[];
}

const whole = (kind: 'added' | 'removed', text: string): BlockChange => ({
  kind,
  parts: [{ kind, text }],
});

function changedBlock(before: string, after: string): BlockChange {
  const parts: TextChangePart[] = diffWords(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
  return { kind: 'changed', parts };
}

/**
 * What changed between the approved text and the text now, block by block: blocks are matched
 * first (so a new paragraph shows as added rather than as a rewrite of everything after it), then
 * a block replaced by another is compared word by word.
 */
export function approvalChanges(
  approved: readonly string[],
  now: readonly string[],
): ApprovalChanges {
  const blocks: BlockChange[] = [];
  const runs = diffArrays([...approved], [...now]);
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i]!;
    if (!run.added && !run.removed) {
      for (const text of run.value)
        blocks.push({ kind: 'unchanged', parts: [{ kind: 'same', text }] });
      continue;
    }
    const next = runs[i + 1];
    if (run.removed && next?.added) {
      // A run of blocks replaced by another: pair them up and compare each pair word by word.
      const pairs = Math.min(run.value.length, next.value.length);
      for (let j = 0; j < pairs; j += 1) blocks.push(changedBlock(run.value[j]!, next.value[j]!));
      for (const text of run.value.slice(pairs)) blocks.push(whole('removed', text));
      for (const text of next.value.slice(pairs)) blocks.push(whole('added', text));
      i += 1;
      continue;
    }
    for (const text of run.value) blocks.push(whole(run.added ? 'added' : 'removed', text));
  }
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const block of blocks)
    for (const part of block.parts) {
      if (part.kind === 'added') wordsAdded += countWords([part.text]);
      if (part.kind === 'removed') wordsRemoved += countWords([part.text]);
    }
  return {
    edited: blocks.some((block) => block.kind !== 'unchanged'),
    wordsAdded,
    wordsRemoved,
    blocks,
  };
}

/** Whether two versions of a section read the same, block by block. */
export function sameText(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, index) => text === b[index]);
}
