import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { safeLinkAddress } from './safe-link-address.js';

/** The name of the Y.XmlFragment that holds a section's text inside its Y.Doc. */
export const sectionFragmentName = 'content';

/**
 * What a plan section can hold: headings, paragraphs, bold, italic, underline, strikethrough,
 * bulleted and numbered lists, links, tables, block quotes, horizontal rules, hard breaks. The
 * browser's editor, the server's renderer and the tests all build their schema from this one list,
 * so they read the same document. Undo and redo come from the collaboration extension (per person),
 * so the starter kit's own history is off. Links are checked by the shared address rule wherever
 * TipTap asks (making, pasting, autolinking, and drawing one that arrived in the Yjs document, which
 * anyone who may edit can fill without the editor): a refused address is drawn with no target.
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
        isAllowedUri: (url) => safeLinkAddress(url) !== null,
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}
