import type { CommentAnchorView } from '@commonplan/domain';
import { anchorFromRange, resolveAnchor, type CommentAnchor } from '@commonplan/editor';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { Extension } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/** A thread as the highlights need it. */
export interface HighlightedThread {
  id: string;
  anchor: CommentAnchorView;
  /** Resolved threads are highlighted only while in focus. */
  status: 'open' | 'resolved';
}

/** Where each thread's text is now in the editor; null when its text was deleted. */
export type ResolvedRanges = ReadonlyMap<string, { from: number; to: number } | null>;

export interface CommentHighlightsOptions {
  /** Told whenever the ranges change, so the threads panel can follow the text. */
  onResolved: (ranges: ResolvedRanges) => void;
}

interface HighlightsState {
  threads: readonly HighlightedThread[];
  activeId: string | null;
  ranges: ResolvedRanges;
  decorations: DecorationSet;
}

type HighlightsMeta =
  | { kind: 'threads'; threads: readonly HighlightedThread[]; activeId: string | null }
  | { kind: 'recompute' };

export const commentHighlightsKey = new PluginKey<HighlightsState>('commentHighlights');

interface Binding {
  type: Y.XmlFragment;
  mapping: Parameters<typeof anchorFromRange>[2];
}

function bindingOf(state: EditorState): Binding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: Binding | null } | undefined;
  return sync?.binding ?? null;
}

function compute(
  state: EditorState,
  threads: readonly HighlightedThread[],
  activeId: string | null,
): Pick<HighlightsState, 'ranges' | 'decorations'> {
  const binding = bindingOf(state);
  const ranges = new Map<string, { from: number; to: number } | null>();
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = binding
      ? resolveAnchor(thread.anchor, binding.type, binding.mapping, state.doc)
      : null;
    ranges.set(thread.id, range);
    const active = thread.id === activeId;
    if (!range || (thread.status !== 'open' && !active)) continue;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: active
          ? 'app-comment-highlight app-comment-highlight--active'
          : 'app-comment-highlight',
        'data-thread-id': thread.id,
      }),
    );
  }
  return { ranges, decorations: DecorationSet.create(state.doc, decorations) };
}

function sameRanges(a: ResolvedRanges, b: ResolvedRanges): boolean {
  if (a.size !== b.size) return false;
  for (const [id, range] of a) {
    const other = b.get(id);
    if (other === undefined) return false;
    if (range === null || other === null) {
      if (range !== other) return false;
    } else if (range.from !== other.from || range.to !== other.to) return false;
  }
  return true;
}

/**
 * Highlights the text each open comment thread (and the thread in focus) is anchored to. Ranges are read from the Yjs relative
 * positions through y-tiptap's binding, so they follow everyone's edits. A local edit reaches the
 * Y.Doc only after this plugin sees it, so on an edit the highlights are first mapped through the
 * change and then read again from the Y.Doc a moment later.
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { onResolved: () => undefined };
  },

  addProseMirrorPlugins() {
    const { onResolved } = this.options;
    return [
      new Plugin<HighlightsState>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => ({ threads: [], activeId: null, ...compute(state, [], null) }),
          apply: (tr: Transaction, value, _old, state) => {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightsMeta | undefined;
            if (meta?.kind === 'threads')
              return { ...value, ...meta, ...compute(state, meta.threads, meta.activeId) };
            if (meta?.kind === 'recompute')
              return { ...value, ...compute(state, value.threads, value.activeId) };
            if (tr.docChanged)
              return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
            return value;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
        },
        view: () => {
          let pending: ReturnType<typeof setTimeout> | null = null;
          let reported: ResolvedRanges = new Map();
          return {
            update: (view, previous) => {
              const current = commentHighlightsKey.getState(view.state);
              if (current && !sameRanges(current.ranges, reported)) {
                reported = current.ranges;
                onResolved(current.ranges);
              }
              const recompute = () => {
                pending = null;
                if (view.isDestroyed) return;
                // Never in the middle of an IME composition: try again once it has ended.
                if (view.composing) {
                  pending = setTimeout(recompute, 50);
                  return;
                }
                view.dispatch(
                  view.state.tr
                    .setMeta(commentHighlightsKey, { kind: 'recompute' })
                    .setMeta('addToHistory', false),
                );
              };
              const hasThreads = (current?.threads.length ?? 0) > 0;
              if (hasThreads && view.state.doc !== previous.doc && !pending)
                pending = setTimeout(recompute, 50);
            },
            destroy: () => {
              if (pending) clearTimeout(pending);
            },
          };
        },
      }),
    ];
  },
});

/** Gives the highlights the current threads and which one is in focus. */
export function showThreads(
  state: EditorState,
  threads: readonly HighlightedThread[],
  activeId: string | null,
): Transaction {
  return state.tr
    .setMeta(commentHighlightsKey, { kind: 'threads', threads, activeId } satisfies HighlightsMeta)
    .setMeta('addToHistory', false);
}

/** The anchor for the current selection, or null when nothing is selected or the text is not bound. */
export function anchorForSelection(
  state: EditorState,
): { anchor: CommentAnchor; quote: string } | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const quote = state.doc.textBetween(from, to, '\n', ' ');
  if (quote.trim().length === 0) return null;
  const binding = bindingOf(state);
  if (!binding) return null;
  return { anchor: anchorFromRange({ from, to }, binding.type, binding.mapping), quote };
}
