import * as Y from 'yjs';

/** A shared type of a document, as `doc.share` holds them. */
type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>;

/**
 * How deeply a section's blocks may nest: each list, list item, quote, table, row, cell and
 * paragraph is one level, and the text inside a block one more (a paragraph in an item of a list
 * at the top is at level 3, its text at 4). Far more than anyone writes (a list indented 40 times
 * is at about 82) and far less than what overflows the stack of the recursive readers of a
 * document (the editor's Yjs binding, ProseMirror's serialisers, Yjs deleting a subtree), which
 * begins at a thousand or so. The server refuses an update that would pass it
 * (`document_too_deep`); the renderer refuses to render a document that has.
 */
export const sectionNestingLimit = 100;

/**
 * How deeply a document's blocks nest, counted as `sectionNestingLimit` counts them. Walked with
 * a stack of its own, so it answers for documents too deep for anything recursive.
 */
export function nestingDepth(doc: Y.Doc): number {
  let deepest = 0;
  const stack: Array<[SharedType, number]> = [...doc.share.values()].map((type) => [type, 0]);
  while (stack.length > 0) {
    const [type, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (let item = type._start; item; item = item.right)
      if (!item.deleted && item.content instanceof Y.ContentType)
        stack.push([item.content.type, depth + 1]);
    for (const item of type._map.values())
      if (!item.deleted && item.content instanceof Y.ContentType)
        stack.push([item.content.type, depth + 1]);
  }
  return deepest;
}
