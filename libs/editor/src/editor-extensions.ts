import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';

/** The name of the Y.XmlFragment that holds a section's text inside its Y.Doc. */
export const sectionFragmentName = 'content';

/**
 * What a plan section can hold: headings, paragraphs, bold, italic, underline, strikethrough,
 * bulleted and numbered lists, links, tables, block quotes, horizontal rules, hard breaks. The
 * browser's editor, the server's renderer and the tests all build their schema from this one list,
 * so they read the same document. Undo and redo come from the collaboration extension (per person),
 * so the starter kit's own history is off.
 */
export function sectionContentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      code: false,
      codeBlock: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto'],
        defaultProtocol: 'https',
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}
