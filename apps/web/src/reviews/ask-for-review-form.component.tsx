import {
  reviewNoteMaxLength,
  sectionReviewerRoles,
  type MemberView,
  type SectionReviewView,
} from '@commonplan/domain';
import { useState } from 'react';
import { CheckboxesField } from '../shared/components/checkboxes-field.component';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { Textarea } from '../shared/components/textarea.component';
import { errorFor } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { requestReview } from './reviews.api';

const inputIds = { reviewerIds: 'ask-reviewers-input', note: 'ask-note' };

interface AskForReviewFormProps {
  sectionId: string;
  review: SectionReviewView;
  members: MemberView[];
  onAsked: (review: SectionReviewView) => void;
}

/** An author or lead names the reviewers who should look at the section, with a note for them. */
export function AskForReviewForm({ sectionId, review, members, onAsked }: AskForReviewFormProps) {
  const options = members
    .filter((m) => sectionReviewerRoles.includes(m.role))
    .map((m) => ({
      value: m.userId,
      label: `${m.name}${m.organisation ? ` (${m.organisation.name})` : ''}`,
    }));
  const [reviewerIds, setReviewerIds] = useState(
    review.reviewers.map((r) => r.userId).filter((id) => options.some((o) => o.value === id)),
  );
  const [note, setNote] = useState('');
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds);
  const submit = handleSubmit({
    validate: () =>
      reviewerIds.length === 0
        ? [{ inputId: inputIds.reviewerIds, message: 'Choose at least one reviewer' }]
        : [],
    send: async () => {
      onAsked(await requestReview(sectionId, reviewerIds, note));
      setNote('');
    },
  });
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <CheckboxesField
        id="ask-reviewers"
        legend="Who should review it?"
        hint="Reviewers and leads of the footprint. They are told, and become the section’s reviewers."
        options={options}
        selected={reviewerIds}
        onChange={setReviewerIds}
        error={errorFor(errors, inputIds.reviewerIds)}
        emptyText="Nobody in this footprint can review yet: a lead can invite reviewers."
      />
      <Textarea
        id={inputIds.note}
        label="Note for the reviewers (optional)"
        value={note}
        onChange={setNote}
        maxLength={reviewNoteMaxLength}
        error={errorFor(errors, inputIds.note)}
      />
      <button className="nhsuk-button" type="submit" disabled={submitting || options.length === 0}>
        Ask for review
      </button>
    </form>
  );
}
