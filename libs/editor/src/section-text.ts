import type { Node } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { readableFragment } from './schema-misfits.js';
import type { SectionJson } from './section-content.js';
import { sectionSchema } from './section-schema.js';

function blockTextsOfNode(node: Node): string[] {
  const texts: string[] = [];
  node.descendants((child) => {
    if (!child.isTextblock) return true;
    texts.push(child.textBetween(0, child.content.size, ' ', ' ').replace(/\s+/g, ' ').trim());
    return false;
  });
  return texts;
}

/**
 * The plain text of each block of a section (paragraph, heading, list item paragraph, table cell
 * paragraph), in document order, read through the editor schema so it matches what people see.
 * Line breaks inside a block read as spaces.
 */
export function blockTextsOfJson(json: SectionJson): string[] {
  return blockTextsOfNode(sectionSchema().nodeFromJSON(json));
}

/**
 * The plain text of each block of a section's Y.Doc, as the editor shows it: what the schema
 * cannot show is left out, and the document (often the server's open one) is not changed.
 */
export function sectionBlockTexts(doc: Y.Doc): string[] {
  return blockTextsOfNode(
    yXmlFragmentToProseMirrorRootNode(readableFragment(doc), sectionSchema()),
  );
}

/** Words in the text, counted as runs of letters or digits (so "care-home" is one word). */
export function countWords(texts: readonly string[]): number {
  let words = 0;
  for (const text of texts)
    words += text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return words;
}
