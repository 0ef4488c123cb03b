import { reviewNoteMaxLength } from '@commonplan/domain';
import { useState } from 'react';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { Textarea } from '../shared/components/textarea.component';
import { errorFor } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';

/** The outcome a button sends; a note is needed for it when `noteNeeded` says why. */
export interface NoteDecisionChoice<Outcome extends string> {
  outcome: Outcome;
  label: string;
  noteNeeded?: string;
}

/**
 * A note and two buttons: the first outcome on submit (Enter), the second beside it, styled as a
 * secondary or a warning action. Used for a reviewer's decision and a lead's word on an approval.
 */
export function NoteDecisionForm<Outcome extends string>({
  inputId,
  hint,
  first,
  second,
  secondStyle,
  send,
}: {
  inputId: string;
  hint: string;
  first: NoteDecisionChoice<Outcome>;
  second: NoteDecisionChoice<Outcome>;
  secondStyle: 'secondary' | 'warning';
  send: (outcome: Outcome, note: string) => Promise<void>;
}) {
  const [note, setNote] = useState('');
  const { errors, submitting, handleSubmit } = useFormSubmission({ note: inputId });
  const decide = ({ outcome, noteNeeded }: NoteDecisionChoice<Outcome>) =>
    handleSubmit({
      validate: () =>
        noteNeeded !== undefined && !note.trim() ? [{ inputId, message: noteNeeded }] : [],
      send: async () => {
        await send(outcome, note);
        setNote('');
      },
    });
  return (
    <form onSubmit={decide(first)} noValidate>
      <ErrorSummary errors={errors} />
      <Textarea
        id={inputId}
        label="Note"
        hint={hint}
        value={note}
        onChange={setNote}
        maxLength={reviewNoteMaxLength}
        error={errorFor(errors, inputId)}
      />
      <div className="app-inline-actions">
        <button className="nhsuk-button" type="submit" disabled={submitting}>
          {first.label}
        </button>
        <button
          className={`nhsuk-button nhsuk-button--${secondStyle}`}
          type="button"
          disabled={submitting}
          onClick={decide(second)}
        >
          {second.label}
        </button>
      </div>
    </form>
  );
}
