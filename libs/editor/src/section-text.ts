import type * as Y from 'yjs';
import { sectionJson, type SectionJson } from './section-content.js';
import { sectionSchema } from './section-schema.js';

/**
 * The plain text of each block of a section (paragraph, heading, list item paragraph, table cell
 * paragraph), in document order, read through the editor schema so it matches what people see.
 * Line breaks inside a block read as spaces.
 */
export function blockTextsOfJson(json: SectionJson): string[] {
  const node = sectionSchema().nodeFromJSON(json);
  const texts: string[] = [];
  node.descendants((child) => {
    if (!child.isTextblock) return true;
    texts.push(child.textBetween(0, child.content.size, ' ', ' ').replace(/\s+/g, ' ').trim());
    return false;
  });
  return texts;
}

/** The plain text of each block of a section's Y.Doc. */
export function sectionBlockTexts(doc: Y.Doc): string[] {
  return blockTextsOfJson(sectionJson(doc));
}

/** Words in the text, counted as runs of letters or digits (so "care-home" is one word). */
export function countWords(texts: readonly string[]): number {
  let words = 0;
  for (const text of texts)
    words += text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return words;
}
