import {
  commentBodyMaxLength,
  matchingMembers,
  mentionedIds,
  mentionQueryAt,
  type MentionCandidate,
} from '@commonplan/domain';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../shared/api/api-error';
import { FieldError } from '../shared/components/field-error.component';
import { formatNumber } from '../shared/format/format';

interface CommentFormProps {
  label: string;
  /** Shown under the label, e.g. the hint about mentions. */
  hint?: string;
  submitLabel: string;
  initialBody?: string;
  /** Members already named in the initial body. */
  initialMentions?: MentionCandidate[];
  members: readonly MentionCandidate[];
  onSubmit: (body: string, mentionIds: string[]) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/**
 * A comment's text, with `@` mentions: typing `@` lists the footprint's members (arrow keys to
 * move, Enter or Tab to choose, Escape to close), and the chosen names go in as plain text.
 */
export function CommentForm({
  label,
  hint,
  submitLabel,
  initialBody = '',
  initialMentions = [],
  members,
  onSubmit,
  onCancel,
  autoFocus = false,
}: CommentFormProps) {
  const id = useId();
  const textareaId = `${id}-body`;
  const listboxId = `${id}-mentions`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initialBody);
  const [chosen, setChosen] = useState<MentionCandidate[]>(initialMentions);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  const options = query ? matchingMembers(members, query.query) : [];
  const open = options.length > 0;
  const remaining = commentBodyMaxLength - body.trim().length;

  const follow = (text: string, caret: number) => {
    const next = mentionQueryAt(text, caret);
    setQuery(next);
    setActiveIndex(0);
  };

  const choose = (member: MentionCandidate) => {
    if (!query) return;
    const caret = textarea.current?.selectionStart ?? body.length;
    const inserted = `@${member.name} `;
    const next = body.slice(0, query.start) + inserted + body.slice(caret);
    setBody(next);
    setChosen((current) => [...current, member]);
    setQuery(null);
    const position = query.start + inserted.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(position, position);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActiveIndex((index) => (index + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((index) => (index - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(options[activeIndex] ?? options[0]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setQuery(null);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = body.trim();
    if (trimmed.length === 0) return setError('Write a comment before sending it');
    if (trimmed.length > commentBodyMaxLength)
      return setError(
        `A comment can be at most ${formatNumber(commentBodyMaxLength)} characters. Shorten it, or split it into replies.`,
      );
    setSending(true);
    setError(undefined);
    try {
      await onSubmit(trimmed, mentionedIds(trimmed, chosen));
      setBody('');
      setChosen([]);
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? failure.message
          : 'Your comment could not be sent. Try again.',
      );
      textarea.current?.focus();
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="app-comment-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor={textareaId}>
          {label}
        </label>
        {hint ? (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        ) : null}
        <FieldError id={errorId} message={error} />
        <div className="app-comment-form__field">
          <textarea
            ref={textarea}
            id={textareaId}
            className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
            rows={3}
            value={body}
            autoFocus={autoFocus}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listboxId}
            aria-activedescendant={open ? `${listboxId}-${activeIndex}` : undefined}
            aria-describedby={[hint ? hintId : null, error ? errorId : null, countId]
              .filter(Boolean)
              .join(' ')}
            onChange={(event) => {
              setBody(event.target.value);
              follow(event.target.value, event.target.selectionStart);
            }}
            onKeyDown={onKeyDown}
            onKeyUp={(event) => {
              if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key))
                follow(event.currentTarget.value, event.currentTarget.selectionStart);
            }}
            onBlur={() => setQuery(null)}
          />
          <ul
            id={listboxId}
            role="listbox"
            aria-label="Members to mention"
            className="app-mention-list"
            hidden={!open}
          >
            {options.map((member, index) => (
              <li
                key={member.id}
                id={`${listboxId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className="app-mention-list__option"
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(member);
                }}
              >
                {member.name}
              </li>
            ))}
          </ul>
        </div>
        <div
          id={countId}
          className={`nhsuk-hint app-comment-form__count${remaining < 0 ? ' nhsuk-error-message' : ''}`}
          aria-live="polite"
        >
          {remaining >= 0
            ? remaining < 500
              ? `You have ${formatNumber(remaining)} characters remaining`
              : null
            : `You have ${formatNumber(-remaining)} characters too many`}
        </div>
      </div>
      <div className="app-inline-actions">
        <button
          type="submit"
          className="nhsuk-button nhsuk-button--small"
          disabled={sending}
          aria-disabled={sending}
        >
          {submitLabel}
        </button>
        {onCancel ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={onCancel}
          >
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
