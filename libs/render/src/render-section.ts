import type { SectionJson } from '@commonplan/editor';
import { sectionHtml } from './render-html.js';
import { sectionMarkdown } from './render-markdown.js';
import { mergeSectionState, sectionDocument } from './section-state.js';
import { textBlocks, wordCount, type TextBlock } from './text-blocks.js';

/** Everything a draft keeps of one section's text. */
export interface RenderedSection {
  /** The merged Yjs state, one update. */
  state: Uint8Array;
  json: SectionJson;
  html: string;
  markdown: string;
  blocks: TextBlock[];
  words: number;
}

/** Renders a section from its stored updates (snapshot first, then the log in order). */
export function renderSection(updates: readonly Uint8Array[]): RenderedSection {
  const state = mergeSectionState(updates);
  const doc = sectionDocument(state);
  const blocks = textBlocks(doc);
  return {
    state,
    json: doc.toJSON() as SectionJson,
    html: sectionHtml(doc),
    markdown: sectionMarkdown(doc),
    blocks,
    words: wordCount(blocks),
  };
}
