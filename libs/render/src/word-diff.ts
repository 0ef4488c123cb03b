import { diffWords } from 'diff';
import { wordsOf } from './text-blocks.js';

/** A run of text in a compared paragraph: the same in both, only in the newer, or only in the older. */
export interface WordPart {
  change: 'same' | 'added' | 'removed';
  text: string;
}

export interface WordDiff {
  parts: WordPart[];
  wordsAdded: number;
  wordsRemoved: number;
  /** Share of words in common, 0 (nothing) to 1 (identical); used to pair changed paragraphs. */
  similarity: number;
}

/** Word by word differences between two texts. */
export function wordDiff(before: string, after: string): WordDiff {
  const parts: WordPart[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  let wordsSame = 0;
  for (const change of diffWords(before, after)) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const words = wordsOf(change.value).length;
    if (kind === 'added') wordsAdded += words;
    else if (kind === 'removed') wordsRemoved += words;
    else wordsSame += words;
    const last = parts[parts.length - 1];
    if (last && last.change === kind) last.text += change.value;
    else parts.push({ change: kind, text: change.value });
  }
  const total = wordsOf(before).length + wordsOf(after).length;
  return {
    parts,
    wordsAdded,
    wordsRemoved,
    similarity: total === 0 ? 1 : (2 * wordsSame) / total,
  };
}
