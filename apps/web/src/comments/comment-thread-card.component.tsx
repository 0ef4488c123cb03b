import {
  mentionSegments,
  type CommentThreadView,
  type CommentView,
  type MentionCandidate,
} from '@commonplan/domain';
import { useState } from 'react';
import { ApiError } from '../shared/api/api-error';
import { formatDateTime } from '../shared/format/format';
import { CommentForm } from './comment-form.component';
import { editComment, reopenThread, replyToThread, resolveThread } from './comments.api';

interface CommentThreadCardProps {
  thread: CommentThreadView;
  /** Read live from the editor: the anchored text is no longer there. */
  detached: boolean;
  active: boolean;
  meId: string;
  mayComment: boolean;
  mayResolve: boolean;
  members: readonly MentionCandidate[];
  onChanged: (thread: CommentThreadView) => void;
  /** Selects the thread's text in the editor. */
  onShowInText: (threadId: string) => void;
}

function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** One thread beside the text: what it is about, its comments, and what you may do with it. */
export function CommentThreadCard({
  thread,
  detached,
  active,
  meId,
  mayComment,
  mayResolve,
  members,
  onChanged,
  onShowInText,
}: CommentThreadCardProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const headingId = `thread-${thread.id}-heading`;
  const resolved = thread.status === 'resolved';

  const changeStatus = async () => {
    setActionError(null);
    try {
      onChanged(await (resolved ? reopenThread(thread.id) : resolveThread(thread.id)));
    } catch (failure) {
      setActionError(
        failure instanceof ApiError ? failure.message : 'That did not work. Try again.',
      );
    }
  };

  return (
    <article
      className={`app-comment-thread${active ? ' app-comment-thread--active' : ''}`}
      aria-labelledby={headingId}
      id={`thread-${thread.id}`}
      data-thread-id={thread.id}
      tabIndex={-1}
    >
      <h3 className="nhsuk-heading-xs app-comment-thread__heading" id={headingId}>
        <span className="nhsuk-u-visually-hidden">Comment on </span>
        <q className="app-comment-thread__quote">
          {shortQuote(detached ? thread.quotedText : (thread.currentText ?? thread.quotedText))}
        </q>
      </h3>
      <p className="app-comment-thread__tags">
        {detached ? (
          <strong className="nhsuk-tag nhsuk-tag--grey">Text deleted</strong>
        ) : (
          <button type="button" className="app-link-button" onClick={() => onShowInText(thread.id)}>
            Show in text
          </button>
        )}
        {resolved ? <strong className="nhsuk-tag nhsuk-tag--green">Resolved</strong> : null}
      </p>
      <ol className="app-comment-thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="app-comment">
            {editing === comment.id ? (
              <CommentForm
                label="Edit your comment"
                submitLabel="Save comment"
                initialBody={comment.body}
                initialMentions={comment.mentions}
                members={members}
                autoFocus
                onCancel={() => setEditing(null)}
                onSubmit={async (body, mentionIds) => {
                  onChanged(await editComment(comment.id, { body, mentionIds }));
                  setEditing(null);
                }}
              />
            ) : (
              <CommentBody
                comment={comment}
                mine={comment.author?.id === meId && mayComment}
                onEdit={() => setEditing(comment.id)}
              />
            )}
          </li>
        ))}
      </ol>
      {resolved && thread.resolvedBy && thread.resolvedAt ? (
        <p className="nhsuk-body-s app-comment-thread__resolved">
          Resolved by {thread.resolvedBy.name}, {formatDateTime(thread.resolvedAt)}
        </p>
      ) : null}
      {actionError ? (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {actionError}
        </p>
      ) : null}
      {mayComment && replying ? (
        <CommentForm
          label="Reply"
          hint="Type @ to mention someone in the footprint."
          submitLabel="Send reply"
          members={members}
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={async (body, mentionIds) => {
            onChanged(await replyToThread(thread.id, { body, mentionIds }));
            setReplying(false);
          }}
        />
      ) : (
        <div className="app-inline-actions">
          {mayComment ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={() => setReplying(true)}
            >
              Reply<span className="nhsuk-u-visually-hidden"> to this thread</span>
            </button>
          ) : null}
          {mayResolve ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={() => void changeStatus()}
            >
              {resolved ? 'Reopen' : 'Resolve'}
              <span className="nhsuk-u-visually-hidden"> this thread</span>
            </button>
          ) : null}
        </div>
      )}
    </article>
  );
}

function CommentBody({
  comment,
  mine,
  onEdit,
}: {
  comment: CommentView;
  mine: boolean;
  onEdit: () => void;
}) {
  return (
    <>
      <p className="app-comment__meta">
        <strong>{comment.author?.name ?? 'A former member'}</strong>{' '}
        <span className="app-comment__time">
          {formatDateTime(comment.createdAt)}
          {comment.editedAt ? ' (edited)' : ''}
        </span>
      </p>
      {/* Plain text: React escapes it; line breaks are kept by the stylesheet. */}
      <p className="app-comment__body">
        {mentionSegments(comment.body, comment.mentions).map((segment, index) =>
          segment.mention ? (
            <strong key={index} className="app-comment__mention">
              {segment.text}
            </strong>
          ) : (
            segment.text
          ),
        )}
      </p>
      {mine ? (
        <button type="button" className="app-link-button app-comment__edit" onClick={onEdit}>
          Edit<span className="nhsuk-u-visually-hidden"> your comment</span>
        </button>
      ) : null}
    </>
  );
}
