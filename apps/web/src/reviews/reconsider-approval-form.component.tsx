import {
  reviewNoteMaxLength,
  type ApprovalOutcome,
  type SectionReviewView,
} from '@commonplan/domain';
import { useState } from 'react';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { Textarea } from '../shared/components/textarea.component';
import { errorFor } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { reconsiderApproval } from './reviews.api';

const inputIds = { note: 'reconsider-note' };

/** A lead decides whether an approval still stands after the text changed, or withdraws it. */
export function ReconsiderApprovalForm({
  sectionId,
  onDecided,
}: {
  sectionId: string;
  onDecided: (review: SectionReviewView) => void;
}) {
  const [note, setNote] = useState('');
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds);
  const decide = (outcome: ApprovalOutcome) =>
    handleSubmit({
      validate: () =>
        outcome === 'withdrawn' && !note.trim()
          ? [
              {
                inputId: inputIds.note,
                message: 'Write a note saying why the approval is withdrawn',
              },
            ]
          : [],
      send: async () => {
        onDecided(await reconsiderApproval(sectionId, outcome, note));
        setNote('');
      },
    });
  return (
    <form onSubmit={decide('stands')} noValidate>
      <ErrorSummary errors={errors} />
      <Textarea
        id={inputIds.note}
        label="Note"
        hint="Needed when you withdraw the approval: say why."
        value={note}
        onChange={setNote}
        maxLength={reviewNoteMaxLength}
        error={errorFor(errors, inputIds.note)}
      />
      <div className="app-inline-actions">
        <button className="nhsuk-button" type="submit" disabled={submitting}>
          Approval still stands
        </button>
        <button
          className="nhsuk-button nhsuk-button--warning"
          type="button"
          disabled={submitting}
          onClick={decide('withdrawn')}
        >
          Withdraw approval
        </button>
      </div>
    </form>
  );
}
