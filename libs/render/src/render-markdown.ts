import { safeLinkAddress } from '@commonplan/editor';
import type { Mark, Node } from '@tiptap/pm/model';

/** Characters that would start Markdown syntax if left bare in text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#|<>~])/g, '\\$1');
}

function markOpen(mark: Mark): string {
  switch (mark.type.name) {
    case 'bold':
      return '**';
    case 'italic':
      return '_';
    case 'strike':
      return '~~';
    case 'link':
      // A link the shared rule refuses is written as its words alone.
      return safeLinkAddress(mark.attrs.href) === null ? '' : '[';
    default:
      return '';
  }
}

function markClose(mark: Mark): string {
  if (mark.type.name === 'link')
    return `](${(safeLinkAddress(mark.attrs.href) ?? '').replace(/[()\s]/g, encodeURIComponent)})`;
  return markOpen(mark);
}

function inline(node: Node): string {
  let out = '';
  node.forEach((child) => {
    if (child.type.name === 'hardBreak') {
      out += '  \n';
      return;
    }
    if (!child.isText) return;
    const marks = child.marks.filter((mark) => markOpen(mark) !== '');
    const text = escapeMarkdown(child.text ?? '');
    out += marks.map(markOpen).join('') + text + [...marks].reverse().map(markClose).join('');
  });
  return out;
}

function cellText(cell: Node): string {
  const parts: string[] = [];
  cell.forEach((child) => parts.push(inline(child).replace(/\s*\n\s*/g, ' ')));
  return parts.join(' ').trim() || ' ';
}

function block(node: Node): string[] {
  switch (node.type.name) {
    case 'heading':
      return ['#'.repeat(Number(node.attrs.level ?? 2)) + ' ' + inline(node)];
    case 'paragraph':
      return [inline(node)];
    case 'horizontalRule':
      return ['---'];
    case 'blockquote': {
      const lines: string[] = [];
      node.forEach((child, _offset, index) => {
        if (index > 0) lines.push('>');
        for (const line of block(child)) lines.push(...line.split('\n').map((l) => `> ${l}`));
      });
      return [lines.join('\n')];
    }
    case 'bulletList':
    case 'orderedList': {
      const ordered = node.type.name === 'orderedList';
      const start = Number(node.attrs.start ?? 1);
      const items: string[] = [];
      node.forEach((item, _offset, index) => {
        const marker = ordered ? `${start + index}. ` : '- ';
        const pad = ' '.repeat(marker.length);
        const lines: string[] = [];
        item.forEach((child) => lines.push(...block(child)));
        const [first = '', ...rest] = lines.join('\n').split('\n');
        items.push([marker + first, ...rest.map((line) => (line ? pad + line : line))].join('\n'));
      });
      return [items.join('\n')];
    }
    case 'table': {
      const rows: string[][] = [];
      node.forEach((row) => {
        const cells: string[] = [];
        row.forEach((cell) => cells.push(cellText(cell).replace(/\|/g, '\\|')));
        rows.push(cells);
      });
      if (rows.length === 0) return [];
      const width = Math.max(...rows.map((row) => row.length));
      const line = (cells: string[]) =>
        `| ${Array.from({ length: width }, (_, i) => cells[i] ?? ' ').join(' | ')} |`;
      return [
        [line(rows[0] ?? []), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n'),
      ];
    }
    default:
      return [];
  }
}

/** A section document as Markdown (CommonMark with GitHub tables), for exports and plain reading. */
export function sectionMarkdown(doc: Node): string {
  const parts: string[] = [];
  doc.forEach((child) => parts.push(...block(child)));
  return parts.join('\n\n').trim() + (parts.length ? '\n' : '');
}
