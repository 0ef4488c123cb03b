import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
} from '@tiptap/y-tiptap';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { readableFragment } from './schema-misfits.js';
import { sectionSchema } from './section-schema.js';

/**
 * Where a comment thread sits in a section's text: two Yjs relative positions, each encoded with
 * `Y.encodeRelativePosition` and then base64. Relative positions name the characters themselves
 * rather than offsets, so the range follows the text as people edit around it. `start` sticks to
 * the first anchored character and `end` to the last, so text typed just outside the range stays
 * outside it.
 */
export interface CommentAnchor {
  start: string;
  end: string;
}

/** A range of the ProseMirror document, in its positions. */
export interface AnchorRange {
  from: number;
  to: number;
}

/** What an anchor points at now: the range and its text, or nothing when the text is gone. */
export type AnchorState =
  { detached: false; from: number; to: number; text: string } | { detached: true };

/** How y-tiptap relates Yjs types to ProseMirror nodes (its binding's `mapping`). */
export type ProsemirrorMapping = Map<Y.AbstractType<unknown>, ProseMirrorNode | ProseMirrorNode[]>;

/** The longest encoded position accepted; real ones are a few dozen characters. */
export const maxAnchorPositionLength = 200;

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

function encode(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** Decodes one position, or null when the text is not an encoded relative position. */
export function decodeAnchorPosition(encoded: unknown): Y.RelativePosition | null {
  if (
    typeof encoded !== 'string' ||
    encoded.length === 0 ||
    encoded.length > maxAnchorPositionLength ||
    encoded.length % 4 !== 0 ||
    !base64.test(encoded)
  )
    return null;
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded));
    if (!position.item && !position.type && position.tname === null) return null;
    if (position.assoc !== 0 && position.assoc !== -1 && position.assoc !== 1) return null;
    return position;
  } catch {
    return null;
  }
}

/** True when both positions decode; says nothing about whether they are in a given document. */
export function isWellFormedAnchor(anchor: unknown): anchor is CommentAnchor {
  if (typeof anchor !== 'object' || anchor === null) return false;
  const { start, end } = anchor as Record<string, unknown>;
  return decodeAnchorPosition(start) !== null && decodeAnchorPosition(end) !== null;
}

/**
 * The anchor for a selection `from..to` of the ProseMirror document bound to `fragment` (the
 * binding's mapping relates the two). y-tiptap ties a position inside text to the character
 * before it; that suits the end, but the start is retied to the character after it, so typing
 * just before the range does not pull the new text in.
 */
export function anchorFromRange(
  range: AnchorRange,
  fragment: Y.XmlFragment,
  mapping: ProsemirrorMapping,
): CommentAnchor {
  const doc = fragment.doc;
  if (!doc) throw new Error('the fragment must belong to a Y.Doc');
  let start = absolutePositionToRelativePosition(
    range.from,
    fragment,
    mapping,
  ) as Y.RelativePosition;
  const absolute = Y.createAbsolutePositionFromRelativePosition(start, doc);
  if (absolute && absolute.type instanceof Y.XmlText)
    start = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
  const end = absolutePositionToRelativePosition(range.to, fragment, mapping) as Y.RelativePosition;
  return { start: encode(start), end: encode(end) };
}

/** The anchor's current range in the ProseMirror document, or null when it no longer holds text. */
export function resolveAnchor(
  anchor: CommentAnchor,
  fragment: Y.XmlFragment,
  mapping: ProsemirrorMapping,
  pmDoc: ProseMirrorNode,
): AnchorRange | null {
  const doc = fragment.doc;
  const start = decodeAnchorPosition(anchor.start);
  const end = decodeAnchorPosition(anchor.end);
  if (!doc || !start || !end) return null;
  const from = toAbsolute(doc, fragment, start, mapping);
  const to = toAbsolute(doc, fragment, end, mapping);
  if (from === null || to === null) return null;
  const size = pmDoc.content.size;
  if (from < 0 || to > size || from >= to) return null;
  if (anchoredText(pmDoc, { from, to }).trim().length === 0) return null;
  return { from, to };
}

/**
 * y-tiptap's resolver, with positions in text first restated against their text node. y-tiptap
 * takes an item position that lands at the very start of the document for a misresolution and
 * answers null, which would detach every thread on the section's first words.
 */
function toAbsolute(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  position: Y.RelativePosition,
  mapping: ProsemirrorMapping,
): number | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute) return null;
  const { type, index } = absolute;
  const restated =
    type instanceof Y.XmlText && !type._item?.deleted
      ? Y.createRelativePositionFromTypeIndex(type, index, -1)
      : position;
  return relativePositionToAbsolutePosition(doc, fragment, restated, mapping);
}

/** The plain text of a range, blocks separated by new lines. */
export function anchoredText(pmDoc: ProseMirrorNode, range: AnchorRange): string {
  return pmDoc.textBetween(range.from, range.to, '\n', ' ');
}

/**
 * A reader of anchors in one section document as it is now: builds the ProseMirror view of the
 * text once (of a cleaned copy when the text holds what the schema cannot show, so the server's
 * open document is never changed by reading it), then answers for as many anchors as needed.
 */
export function anchorReader(doc: Y.Doc): (anchor: CommentAnchor) => AnchorState {
  const fragment = readableFragment(doc);
  const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, sectionSchema());
  return (anchor) => {
    const range = resolveAnchor(anchor, fragment, mapping, pmDoc);
    return range
      ? { detached: false, from: range.from, to: range.to, text: anchoredText(pmDoc, range) }
      : { detached: true };
  };
}

/** The anchor for the first occurrence of `text` in the section document (for seeds and tests). */
export function anchorForText(doc: Y.Doc, text: string): CommentAnchor | null {
  const fragment = readableFragment(doc);
  const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, sectionSchema());
  let found: AnchorRange | null = null;
  pmDoc.descendants((node, pos) => {
    if (found) return false;
    if (node.isText && node.text) {
      const index = node.text.indexOf(text);
      if (index >= 0) found = { from: pos + index, to: pos + index + text.length };
    }
    return true;
  });
  return found ? anchorFromRange(found, fragment, mapping) : null;
}
