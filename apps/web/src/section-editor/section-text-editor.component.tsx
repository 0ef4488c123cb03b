import type { CollabUser, SectionProvider } from '@commonplan/collab-client';
import { sectionContentExtensions, sectionFragmentName } from '@commonplan/editor';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, Extension, useEditor } from '@tiptap/react';
import { useState } from 'react';
import { EditorToolbar } from './editor-toolbar.component';
import { LinkDialog } from './link-dialog.component';

interface SectionTextEditorProps {
  provider: SectionProvider;
  user: CollabUser;
  editable: boolean;
  /** The id of the heading that names the text. */
  labelledBy: string;
}

const textId = 'section-text';

/**
 * The section's rich text, bound to its shared Y.Doc: what anyone types appears for everyone, with
 * a named caret for each person. Undo and redo take back only this person's own changes.
 */
export function SectionTextEditor({
  provider,
  user,
  editable,
  labelledBy,
}: SectionTextEditorProps) {
  const [linkOpen, setLinkOpen] = useState(false);
  const editor = useEditor(
    {
      extensions: [
        ...sectionContentExtensions(),
        Collaboration.configure({ document: provider.doc, field: sectionFragmentName, provider }),
        CollaborationCaret.configure({ provider, user }),
        Extension.create({
          name: 'linkShortcut',
          addKeyboardShortcuts: () => ({
            'Mod-k': () => {
              if (!editable) return false;
              setLinkOpen(true);
              return true;
            },
          }),
        }),
      ],
      editable,
      editorProps: {
        attributes: {
          id: textId,
          class: 'app-section-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelledBy,
          'aria-readonly': editable ? 'false' : 'true',
        },
      },
    },
    [provider, user.name, user.color, editable, labelledBy],
  );

  const closeLink = () => {
    setLinkOpen(false);
    editor.commands.focus();
  };

  return (
    <>
      {editable ? (
        <EditorToolbar editor={editor} controls={textId} onLink={() => setLinkOpen(true)} />
      ) : null}
      <EditorContent editor={editor} className="app-section-editor__content" />
      {editable ? (
        <LinkDialog
          open={linkOpen}
          currentHref={
            linkOpen ? ((editor.getAttributes('link').href as string | undefined) ?? null) : null
          }
          onSave={(href) => {
            setLinkOpen(false);
            if (editor.state.selection.empty && !editor.isActive('link')) {
              editor
                .chain()
                .focus()
                .insertContent({
                  type: 'text',
                  text: href.replace(/^mailto:/, ''),
                  marks: [{ type: 'link', attrs: { href } }],
                })
                .run();
            } else {
              editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
            }
          }}
          onRemove={() => {
            setLinkOpen(false);
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
          }}
          onClose={closeLink}
        />
      ) : null}
    </>
  );
}
