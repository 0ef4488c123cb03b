import {
  reviewNoteMaxLength,
  type ReviewDecision,
  type SectionReviewView,
} from '@commonplan/domain';
import { useState } from 'react';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { Textarea } from '../shared/components/textarea.component';
import { errorFor } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { decideReview } from './reviews.api';

const inputIds = { note: 'decision-note' };

/** A reviewer (or lead) approves the section, or sends it back saying what to change. */
export function DecisionForm({
  sectionId,
  onDecided,
}: {
  sectionId: string;
  onDecided: (review: SectionReviewView) => void;
}) {
  const [note, setNote] = useState('');
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds);
  const decide = (decision: ReviewDecision) =>
    handleSubmit({
      validate: () =>
        decision === 'request_changes' && !note.trim()
          ? [{ inputId: inputIds.note, message: 'Write a note saying what should change' }]
          : [],
      send: async () => {
        onDecided(await decideReview(sectionId, decision, note));
        setNote('');
      },
    });
  return (
    <form onSubmit={decide('approve')} noValidate>
      <ErrorSummary errors={errors} />
      <Textarea
        id={inputIds.note}
        label="Note"
        hint="Needed when you ask for changes: say what should change."
        value={note}
        onChange={setNote}
        maxLength={reviewNoteMaxLength}
        error={errorFor(errors, inputIds.note)}
      />
      <div className="app-inline-actions">
        <button className="nhsuk-button" type="submit" disabled={submitting}>
          Approve
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          disabled={submitting}
          onClick={decide('request_changes')}
        >
          Ask for changes
        </button>
      </div>
    </form>
  );
}
