import {
  dropSchemaMisfits,
  nestingDepth,
  safeLinkAddress,
  sectionFragmentName,
  sectionNestingLimit,
  sectionSchema,
} from '@commonplan/editor';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import * as Y from 'yjs';

/** A section's stored text could not be turned into a document; the message says why, for people. */
export class SectionStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SectionStateError';
  }
}

/**
 * The stored updates decode, but some depend on changes they do not include: a log read while a
 * change was still on its way to it (see the draft job), or a log that lost one.
 */
export class MissingChangesError extends SectionStateError {
  constructor() {
    super('its saved text is missing earlier changes');
    this.name = 'MissingChangesError';
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
    if (doc.store.pendingStructs || doc.store.pendingDs) throw new MissingChangesError();
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The document without the links whose address the shared rule refuses: their words stay, as the
 * editor shows them (TipTap draws such a link with no target). So the draft's stored JSON, which
 * exports read and a restore writes back into the section, holds no such link either.
 */
function withoutRefusedLinks(doc: Node): Node {
  const link = sectionSchema().marks.link!;
  const transform = new Transform(doc);
  doc.descendants((node, pos) => {
    for (const mark of node.marks)
      if (mark.type === link && safeLinkAddress(mark.attrs.href) === null)
        transform.removeMark(pos, pos + node.nodeSize, mark);
  });
  return transform.doc;
}

/**
 * The document without NUL characters, which no editor types but an update sent by hand can hold:
 * PostgreSQL refuses them in text and JSON, so one would make every draft of the plan fail to be
 * stored. Browsers do not show them either.
 */
function withoutNulCharacters(doc: Node): Node {
  const found: Array<{ pos: number; node: Node }> = [];
  doc.descendants((node, pos) => {
    if (node.isText && node.text!.includes('\u0000')) found.push({ pos, node });
  });
  if (found.length === 0) return doc;
  const transform = new Transform(doc);
  // From the end, so earlier positions stay where they were.
  for (const { pos, node } of found.reverse()) {
    const kept = node.text!.replaceAll('\u0000', '');
    if (kept)
      transform.replaceWith(pos, pos + node.nodeSize, doc.type.schema.text(kept, node.marks));
    else transform.delete(pos, pos + node.nodeSize);
  }
  return transform.doc;
}

/**
 * The section's document as the editor sees it: y-prosemirror's own conversion with the shared
 * schema, after dropping (from this throwaway copy) what the schema cannot show, as the browser's
 * binding drops it: elements of unknown names, text runs with unknown marks or embeds. Links to
 * refused addresses become plain words. Refuses a document nested deeper than
 * `sectionNestingLimit`.
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
    const fragment = doc.getXmlFragment(sectionFragmentName);
    dropSchemaMisfits(fragment);
    const root = yXmlFragmentToProseMirrorRootNode(fragment, sectionSchema());
    // An empty section shows one empty paragraph in the editor, the schema's smallest document.
    return root.childCount === 0
      ? (root.type.createAndFill() ?? root)
      : withoutNulCharacters(withoutRefusedLinks(root));
  } finally {
    doc.destroy();
  }
}
