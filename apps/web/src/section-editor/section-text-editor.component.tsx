import type { CollabUser, SectionProvider } from '@commonplan/collab-client';
import { sectionContentExtensions, sectionFragmentName } from '@commonplan/editor';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, Extension, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { CommentHighlights, type ResolvedRanges } from '../comments/comment-highlights.extension';
import { EditorToolbar } from './editor-toolbar.component';
import { LinkDialog } from './link-dialog.component';
import { ReadOnlyText } from './read-only-text';

interface SectionTextEditorProps {
  provider: SectionProvider;
  user: CollabUser;
  editable: boolean;
  /** The id of the heading that names the text. */
  labelledBy: string;
  /** Hands the editor to the page once it exists (the comments panel steers it). */
  onEditor: (editor: Editor) => void;
  /** Where each comment thread's text is now, whenever that changes. */
  onRangesResolved: (ranges: ResolvedRanges) => void;
  /** A highlighted comment range was clicked. */
  onThreadClicked: (threadId: string) => void;
  /** Starts a comment on the selection (toolbar button, Ctrl+Alt+M); absent when one may not comment. */
  onComment?: () => void;
}

/** Ctrl+Alt+M (Cmd+Alt+M on a Mac): `code` because Alt changes the character on some keyboards. */
function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM';
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
  onEditor,
  onRangesResolved,
  onThreadClicked,
  onComment,
}: SectionTextEditorProps) {
  const [linkOpen, setLinkOpen] = useState(false);
  // The editor is made once per provider; callbacks reach it through this ref.
  const callbacks = useRef({ onRangesResolved });
  useEffect(() => {
    callbacks.current = { onRangesResolved };
  });
  const editor = useEditor(
    {
      extensions: [
        ...sectionContentExtensions(),
        Collaboration.configure({ document: provider.doc, field: sectionFragmentName, provider }),
        CollaborationCaret.configure({ provider, user }),
        ...(editable ? [] : [ReadOnlyText]),
        CommentHighlights.configure({
          onResolved: (ranges) => callbacks.current.onRangesResolved(ranges),
        }),
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
      // Readers keep a caret to select by keyboard; ReadOnlyText refuses their changes.
      editable: true,
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

  useEffect(() => onEditor(editor), [editor, onEditor]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (onComment && isCommentShortcut(event)) {
      event.preventDefault();
      onComment();
    }
  };

  // Works whether or not the text is editable: ProseMirror's own click handling is for editing.
  const onClick = (event: MouseEvent) => {
    if (!editor.state.selection.empty) return;
    const highlight = (event.target as HTMLElement).closest<HTMLElement>('[data-thread-id]');
    const threadId = highlight?.dataset.threadId;
    if (threadId) onThreadClicked(threadId);
  };

  const closeLink = () => {
    setLinkOpen(false);
    editor.commands.focus();
  };

  return (
    <>
      {editable ? (
        <EditorToolbar
          editor={editor}
          controls={textId}
          onLink={() => setLinkOpen(true)}
          onComment={onComment}
        />
      ) : null}
      {/* Keyboard and clicks reach the text through this wrapper in read-only mode too. */}
      <div onKeyDown={onKeyDown} onClick={onClick}>
        <EditorContent editor={editor} className="app-section-editor__content" />
      </div>
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
