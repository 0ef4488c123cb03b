import type { Node } from '@tiptap/pm/model';

/**
 * A section's text as a flat list of blocks, what the diff compares: each heading, paragraph,
 * list item paragraph and quoted paragraph is one block with its plain text; a table is one block
 * with its cells; a horizontal rule is a block with no text.
 */
export type TextBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'listItem'; ordered: boolean; depth: number; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'table'; rows: string[][]; text: string }
  | { kind: 'rule'; text: '' };

export type TextBlockKind = TextBlock['kind'];

/** Inline text with hard breaks as spaces, the way a reader runs the words together. */
function inlineText(node: Node): string {
  let text = '';
  node.descendants((child) => {
    if (child.isText) text += child.text ?? '';
    else if (child.type.name === 'hardBreak') text += ' ';
    return true;
  });
  return text.replace(/\s+/g, ' ').trim();
}

function collect(
  node: Node,
  blocks: TextBlock[],
  context: { list?: { ordered: boolean; depth: number }; quote?: boolean },
): void {
  switch (node.type.name) {
    case 'heading':
      blocks.push({
        kind: 'heading',
        level: Number(node.attrs.level ?? 2),
        text: inlineText(node),
      });
      return;
    case 'paragraph': {
      const text = inlineText(node);
      if (context.list) blocks.push({ kind: 'listItem', ...context.list, text });
      else if (context.quote) blocks.push({ kind: 'quote', text });
      else blocks.push({ kind: 'paragraph', text });
      return;
    }
    case 'horizontalRule':
      blocks.push({ kind: 'rule', text: '' });
      return;
    case 'table': {
      const rows: string[][] = [];
      node.forEach((row) => {
        const cells: string[] = [];
        row.forEach((cell) => cells.push(inlineText(cell)));
        rows.push(cells);
      });
      blocks.push({
        kind: 'table',
        rows,
        text: rows
          .map((row) => row.join(' '))
          .join(' ')
          .trim(),
      });
      return;
    }
    case 'bulletList':
    case 'orderedList': {
      const depth = context.list ? context.list.depth + 1 : 0;
      const ordered = node.type.name === 'orderedList';
      node.forEach((item) =>
        item.forEach((child) => collect(child, blocks, { ...context, list: { ordered, depth } })),
      );
      return;
    }
    case 'blockquote':
      node.forEach((child) => collect(child, blocks, { ...context, quote: true }));
      return;
    default:
      node.forEach((child) => collect(child, blocks, context));
  }
}

export function textBlocks(doc: Node): TextBlock[] {
  const blocks: TextBlock[] = [];
  doc.forEach((child) => collect(child, blocks, {}));
  return blocks;
}

/** The words of a text: runs of letters or digits, with inner apostrophes and hyphens. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu) ?? [];
}

export function wordCount(blocks: readonly TextBlock[]): number {
  return blocks.reduce((total, block) => total + wordsOf(block.text).length, 0);
}
