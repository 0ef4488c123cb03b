/**
 * How deeply a section's blocks may nest. Everything that reads a section's text as a tree (the
 * editor in the browser, the draft renderer, word counts, Yjs itself when a subtree is deleted)
 * walks it recursively, and a quote or list nested a few thousand levels deep overflows the stack
 * there. So the server refuses an update that would nest any block past the limit, before the
 * update touches the document, by reading where each new block would sit.
 */
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC | Y.Skip;
type Id = { client: number; clock: number };

/** The limit, and how deep the document already places an item. */
export interface NestingRule {
  maxDepth: number;
  /**
   * How many blocks contain the item with this id in the document (0 for one at the top level),
   * counting at most past `maxDepth`; null when the document does not have it as an item.
   */
  containerDepth(id: Id): number | null;
}

/** Reads containing depths from a live document by walking up from the item, at most the limit. */
export function liveNesting(doc: Y.Doc, maxDepth: number): NestingRule {
  return {
    maxDepth,
    containerDepth(id) {
      let item: Y.Item | Y.GC;
      try {
        item = Y.getItem(doc.store, Y.createID(id.client, id.clock));
      } catch {
        return null;
      }
      if (!(item instanceof Y.Item)) return null;
      let depth = 0;
      let parent = item.parent as Y.AbstractType<unknown> | null;
      while (parent?._item && depth <= maxDepth) {
        depth += 1;
        parent = parent._item.parent as Y.AbstractType<unknown> | null;
      }
      return depth;
    },
  };
}

/** A reference to an item, as Yjs decodes origins and parents. */
export function isId(value: unknown): value is Id {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { client?: unknown }).client === 'number' &&
    typeof (value as { clock?: unknown }).clock === 'number'
  );
}

/** Finds the struct of the update that holds an id, by client and clock. */
function structIndex(structs: readonly Struct[]): (id: Id) => Struct | undefined {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return (id) => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = list[middle]!;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return undefined;
  };
}

/**
 * Why the update's structs would nest a block past the rule's limit, or null. An item names its
 * place by its parent (a root name, or the block it is in) or, when it has neighbours, by them (it
 * goes in the same block as its left or right origin); those may be in the update or the document.
 * Resolved without recursion, since a hostile update is exactly a very long chain.
 */
export function nestingRefusal(
  structs: readonly Struct[],
  rule: NestingRule,
): 'document_too_deep' | 'update_malformed' | null {
  const find = structIndex(structs);
  /** How many blocks contain each item of the update; null when it has no place (it is dropped). */
  const depths = new Map<Y.Item, number | null>();
  const resolving = new Set<Y.Item>();

  const containerDepth = (start: Y.Item): number | null | 'cycle' => {
    const stack: Y.Item[] = [start];
    while (stack.length > 0) {
      const item = stack[stack.length - 1]!;
      if (depths.has(item)) {
        stack.pop();
        continue;
      }
      let reference: Id | null = null;
      let step = 0;
      if (typeof item.parent === 'string') {
        depths.set(item, 0);
        stack.pop();
        continue;
      }
      if (isId(item.parent)) {
        reference = item.parent;
        step = 1;
      } else if (isId(item.origin)) reference = item.origin;
      else if (isId(item.rightOrigin)) reference = item.rightOrigin;
      if (!reference) {
        depths.set(item, null);
        stack.pop();
        continue;
      }
      const inUpdate = find(reference);
      if (inUpdate instanceof Y.Item && inUpdate !== item) {
        if (depths.has(inUpdate)) {
          const known = depths.get(inUpdate)!;
          depths.set(item, known === null ? null : known + step);
          resolving.delete(item);
          stack.pop();
        } else {
          if (resolving.has(inUpdate)) return 'cycle';
          resolving.add(item);
          stack.push(inUpdate);
        }
        continue;
      }
      if (inUpdate) {
        depths.set(item, null); // a gap or collected struct: the item has no place
      } else {
        const known = rule.containerDepth(reference);
        depths.set(item, known === null ? null : known + step);
      }
      resolving.delete(item);
      stack.pop();
    }
    return depths.get(start) ?? null;
  };

  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
    const depth = containerDepth(struct);
    if (depth === 'cycle') return 'update_malformed';
    if (depth !== null && depth + 1 > rule.maxDepth) return 'document_too_deep';
  }
  return null;
}
