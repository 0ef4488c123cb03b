import {
  nestingDepth,
  sectionFragmentName,
  sectionNestingLimit,
  sectionSchema,
} from '@commonplan/editor';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Node } from '@tiptap/pm/model';
import * as Y from 'yjs';

/** A section's stored text could not be turned into a document; the message says why, for people. */
export class SectionStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SectionStateError';
  }
}

/**
 * Merges a section's stored Yjs updates (its snapshot, then its log rows in order) into one
 * update. Refuses bytes that do not decode and a log with missing earlier changes, so an
 * incomplete text is never taken for the section's text.
 */
export function mergeSectionState(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, update);
        } catch {
          throw new SectionStateError('its saved text is damaged and could not be read');
        }
      }
    });
    if (doc.store.pendingStructs || doc.store.pendingDs)
      throw new SectionStateError('its saved text is missing earlier changes');
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The section's document as the editor sees it: y-prosemirror's own conversion with the shared
 * schema, so anything the schema does not allow is dropped exactly as the browser drops it.
 * Refuses a document nested deeper than `sectionNestingLimit`.
 */
export function sectionDocument(state: Uint8Array): Node {
  const doc = new Y.Doc({ gc: true });
  try {
    try {
      Y.applyUpdate(doc, state);
    } catch {
      throw new SectionStateError('its saved text is damaged and could not be read');
    }
    // Every step from here on is recursive: a document nested a few thousand levels deep (saved
    // before the server refused them) would overflow the stack, so it is refused by name.
    if (nestingDepth(doc) > sectionNestingLimit)
      throw new SectionStateError(
        `its text nests lists or quotes more than ${sectionNestingLimit} levels deep`,
      );
    const root = yXmlFragmentToProseMirrorRootNode(
      doc.getXmlFragment(sectionFragmentName),
      sectionSchema(),
    );
    // An empty section shows one empty paragraph in the editor, the schema's smallest document.
    return root.childCount === 0 ? (root.type.createAndFill() ?? root) : root;
  } finally {
    doc.destroy();
  }
}
