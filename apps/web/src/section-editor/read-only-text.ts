import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * Text a person may read but not change, that they can still move through and select with the
 * keyboard (arrow keys, Shift+arrows) to comment on, as they can with the mouse. ProseMirror's own
 * read-only mode removes the caret altogether, which left keyboard users unable to pick words to
 * comment on. Instead the text stays focusable with a caret, the browser's own edits are cancelled
 * before they happen, and any change to the document that does not come from the shared Yjs
 * document (what others write) is refused. The server refuses a reader's updates in any case.
 */
export const ReadOnlyText = Extension.create({
  name: 'readOnlyText',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('readOnlyText'),
        filterTransaction: (transaction) =>
          !transaction.docChanged || transaction.getMeta(ySyncPluginKey) !== undefined,
        props: {
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
          handlePaste: () => true,
          handleDrop: () => true,
        },
      }),
    ];
  },
});
