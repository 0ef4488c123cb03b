// The shared extension list is typed as AnyExtension[], which hides the commands its extensions
// add; these imports bring their command types (bold, headings, lists, links, tables) back.
import type {} from '@tiptap/extension-table';
import type {} from '@tiptap/starter-kit';
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent } from 'react';

interface ToolbarProps {
  editor: Editor;
  /** The id of the editable text, which the toolbar controls. */
  controls: string;
  onLink: () => void;
  /** Starts a comment thread on the selected text; absent when the person may not comment. */
  onComment?: () => void;
}

interface ToolbarButton {
  key: string;
  label: string;
  /** For `aria-keyshortcuts` and the tooltip, with `Mod` for Ctrl (Cmd on a Mac). */
  shortcut?: string;
  /** Present for buttons that switch a style on and off. */
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

export function shortcutFor(shortcut: string, forScreenReaders: boolean): string {
  const keys = shortcut.split('+').map((key) => {
    if (key === 'Mod')
      return forScreenReaders ? (isMac ? 'Meta' : 'Control') : isMac ? 'Cmd' : 'Ctrl';
    return key;
  });
  return keys.join('+');
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (the ARIA toolbar pattern),
 * and every button also has the keyboard shortcut the editor already answers.
 */
export function EditorToolbar({ editor, controls, onLink, onComment }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      heading2: current.isActive('heading', { level: 2 }),
      heading3: current.isActive('heading', { level: 3 }),
      heading4: current.isActive('heading', { level: 4 }),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      link: current.isActive('link'),
      canInsertTable:
        !current.isActive('table') &&
        current.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
      canAddRow: current.can().addRowAfter(),
      canAddColumn: current.can().addColumnAfter(),
      canDeleteTable: current.can().deleteTable(),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  const groups: Array<{ label: string; buttons: ToolbarButton[] }> = [
    {
      label: 'Headings',
      buttons: ([2, 3, 4] as const).map((level) => ({
        key: `heading${level}`,
        label: `Heading ${level}`,
        shortcut: `Mod+Alt+${level}`,
        pressed: state[`heading${level}`],
        run: () => chain().toggleHeading({ level }).run(),
      })),
    },
    {
      label: 'Text style',
      buttons: [
        {
          key: 'bold',
          label: 'Bold',
          shortcut: 'Mod+B',
          pressed: state.bold,
          run: () => chain().toggleBold().run(),
        },
        {
          key: 'italic',
          label: 'Italic',
          shortcut: 'Mod+I',
          pressed: state.italic,
          run: () => chain().toggleItalic().run(),
        },
        {
          key: 'link',
          label: 'Link',
          shortcut: 'Mod+K',
          pressed: state.link,
          run: onLink,
        },
      ],
    },
    {
      label: 'Lists and quotes',
      buttons: [
        {
          key: 'bulletList',
          label: 'Bulleted list',
          shortcut: 'Mod+Shift+8',
          pressed: state.bulletList,
          run: () => chain().toggleBulletList().run(),
        },
        {
          key: 'orderedList',
          label: 'Numbered list',
          shortcut: 'Mod+Shift+7',
          pressed: state.orderedList,
          run: () => chain().toggleOrderedList().run(),
        },
        {
          key: 'blockquote',
          label: 'Quote',
          shortcut: 'Mod+Shift+B',
          pressed: state.blockquote,
          run: () => chain().toggleBlockquote().run(),
        },
      ],
    },
    {
      label: 'Table',
      buttons: [
        {
          key: 'insertTable',
          label: 'Insert table',
          disabled: !state.canInsertTable,
          run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        },
        {
          key: 'addRow',
          label: 'Add row',
          disabled: !state.canAddRow,
          run: () => chain().addRowAfter().run(),
        },
        {
          key: 'addColumn',
          label: 'Add column',
          disabled: !state.canAddColumn,
          run: () => chain().addColumnAfter().run(),
        },
        {
          key: 'deleteTable',
          label: 'Delete table',
          disabled: !state.canDeleteTable,
          run: () => chain().deleteTable().run(),
        },
      ],
    },
    {
      label: 'History',
      buttons: [
        {
          key: 'undo',
          label: 'Undo',
          shortcut: 'Mod+Z',
          disabled: !state.canUndo,
          run: () => chain().undo().run(),
        },
        {
          key: 'redo',
          label: 'Redo',
          shortcut: 'Mod+Shift+Z',
          disabled: !state.canRedo,
          run: () => chain().redo().run(),
        },
      ],
    },
  ];
  if (onComment)
    groups.push({
      label: 'Comments',
      buttons: [{ key: 'comment', label: 'Comment', shortcut: 'Mod+Alt+M', run: onComment }],
    });

  const enabled = groups.flatMap((group) => group.buttons).filter((button) => !button.disabled);
  const [activeKey, setActiveKey] = useState('heading2');
  const tabStop = enabled.some((button) => button.key === activeKey) ? activeKey : enabled[0]?.key;
  const toolbar = useRef<HTMLDivElement>(null);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [
      ...(toolbar.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []),
    ];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1) return;
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % buttons.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + buttons.length) % buttons.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <div
      ref={toolbar}
      className="app-editor-toolbar"
      role="toolbar"
      aria-label="Formatting"
      aria-controls={controls}
      onKeyDown={moveFocus}
    >
      {groups.map((group) => (
        <div
          className="app-editor-toolbar__group"
          role="group"
          aria-label={group.label}
          key={group.label}
        >
          {group.buttons.map((button) => (
            <button
              key={button.key}
              type="button"
              className="app-editor-toolbar__button"
              aria-pressed={button.pressed}
              aria-keyshortcuts={button.shortcut ? shortcutFor(button.shortcut, true) : undefined}
              title={
                button.shortcut
                  ? `${button.label} (${shortcutFor(button.shortcut, false)})`
                  : button.label
              }
              disabled={button.disabled}
              tabIndex={button.key === tabStop ? 0 : -1}
              onFocus={() => setActiveKey(button.key)}
              onClick={button.run}
            >
              {button.label}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
