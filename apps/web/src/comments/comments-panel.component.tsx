import type { CommentThreadView, MentionCandidate } from '@commonplan/domain';
import type { CommentAnchor } from '@commonplan/editor';
import { useEffect, useRef } from 'react';
import { ApiError } from '../shared/api/api-error';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { PanelError } from '../shared/components/panel-error.component';
import { CommentForm } from './comment-form.component';
import { CommentThreadCard } from './comment-thread-card.component';
import type { ResolvedRanges } from './comment-highlights.extension';
import type { CommentThreads } from './use-comment-threads.hook';

export interface CommentDraft {
  anchor: CommentAnchor;
  quote: string;
}

interface CommentsPanelProps {
  comments: CommentThreads;
  ranges: ResolvedRanges;
  activeId: string | null;
  draft: CommentDraft | null;
  onStartThread: (draft: CommentDraft, body: string, mentionIds: string[]) => Promise<void>;
  onCancelDraft: () => void;
  onShowInText: (threadId: string) => void;
  members: readonly MentionCandidate[];
  meId: string;
  mayComment: boolean;
  mayResolve: boolean;
}

const headingId = 'comments-heading';

/** Threads in the order of the text, detached ones after them, resolved ones behind a toggle. */
function ordered(threads: CommentThreadView[], ranges: ResolvedRanges) {
  const detachedOf = (thread: CommentThreadView) => {
    const range = ranges.get(thread.id);
    return range === undefined ? thread.detached : range === null;
  };
  const position = (thread: CommentThreadView) => {
    const range = ranges.get(thread.id);
    return range ? range.from : Number.POSITIVE_INFINITY;
  };
  const sorted = threads
    .map((thread, index) => ({ thread, index, detached: detachedOf(thread) }))
    .sort(
      (a, b) =>
        Number(a.detached) - Number(b.detached) ||
        position(a.thread) - position(b.thread) ||
        a.index - b.index,
    );
  return {
    open: sorted.filter(({ thread }) => thread.status === 'open'),
    resolved: sorted.filter(({ thread }) => thread.status === 'resolved'),
  };
}

/** The comment threads beside the section's text. */
export function CommentsPanel({
  comments,
  ranges,
  activeId,
  draft,
  onStartThread,
  onCancelDraft,
  onShowInText,
  members,
  meId,
  mayComment,
  mayResolve,
}: CommentsPanelProps) {
  const panel = useRef<HTMLElement>(null);
  const { open, resolved } = ordered(comments.threads, ranges);

  // A highlight clicked in the text brings its thread into view and gives it focus.
  useEffect(() => {
    if (!activeId) return;
    const card = panel.current?.querySelector<HTMLElement>(`[data-thread-id="${activeId}"]`);
    if (!card) return;
    if (card.closest('details')) (card.closest('details') as HTMLDetailsElement).open = true;
    card.scrollIntoView({ block: 'nearest' });
    if (!card.contains(document.activeElement)) card.focus({ preventScroll: true });
  }, [activeId]);

  const card = ({ thread, detached }: { thread: CommentThreadView; detached: boolean }) => (
    <li key={thread.id}>
      <CommentThreadCard
        thread={thread}
        detached={detached}
        active={thread.id === activeId}
        meId={meId}
        mayComment={mayComment}
        mayResolve={mayResolve}
        members={members}
        onChanged={comments.put}
        onShowInText={onShowInText}
      />
    </li>
  );

  return (
    <aside className="app-comments" aria-labelledby={headingId} ref={panel}>
      <h2 className="nhsuk-heading-m" id={headingId}>
        Comments
      </h2>
      {draft ? (
        <div className="app-comment-draft">
          <p className="nhsuk-body-s app-comment-draft__quote">
            <span className="nhsuk-u-visually-hidden">New comment on: </span>
            <q>{draft.quote.length > 120 ? `${draft.quote.slice(0, 119)}…` : draft.quote}</q>
          </p>
          <CommentForm
            key={draft.anchor.start + draft.anchor.end}
            label="Your comment"
            hint="Type @ to mention someone in the footprint."
            submitLabel="Add comment"
            members={members}
            autoFocus
            onCancel={onCancelDraft}
            onSubmit={(body, mentionIds) => onStartThread(draft, body, mentionIds)}
          />
        </div>
      ) : null}
      {comments.error ? (
        <PanelError
          error={
            comments.error instanceof ApiError
              ? comments.error
              : new ApiError(0, 'unexpected', comments.error.message)
          }
          what="the comments"
          retry={comments.reload}
        />
      ) : comments.loading ? (
        <LoadingMessage text="Loading comments…" />
      ) : open.length === 0 && !draft ? (
        <p className="nhsuk-body-s app-comments__empty">
          {mayComment ? 'No comments yet. Select text and choose Comment.' : 'No comments yet.'}
        </p>
      ) : (
        <ol className="app-comments__list" aria-label="Open comment threads">
          {open.map(card)}
        </ol>
      )}
      {resolved.length > 0 ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              Resolved threads ({resolved.length})
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <ol className="app-comments__list" aria-label="Resolved comment threads">
              {resolved.map(card)}
            </ol>
          </div>
        </details>
      ) : null}
    </aside>
  );
}
