import { draftLabelMaxLength, type DraftSummary } from '@commonplan/domain';
import { useState } from 'react';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, type FormError } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { requestDraft } from './drafts.api';

const inputIds = { label: 'draft-label' };

/** A lead asks for a draft of the plan as it stands now, with a label saying what it is for. */
export function RequestDraftForm({
  planId,
  onRequested,
}: {
  planId: string;
  onRequested: (draft: DraftSummary) => void;
}) {
  const [label, setLabel] = useState('');
  // One key per label typed: sending the same form twice gives back the same draft.
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID());
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds);

  const submit = handleSubmit({
    validate: () => {
      const problems: FormError[] = [];
      const trimmed = label.trim();
      if (!trimmed)
        problems.push({ inputId: inputIds.label, message: 'Enter a label for the draft' });
      else if (trimmed.length > draftLabelMaxLength)
        problems.push({
          inputId: inputIds.label,
          message: `Label must be ${draftLabelMaxLength} characters or fewer`,
        });
      return problems;
    },
    send: async () => {
      const draft = await requestDraft(planId, label.trim(), requestKey);
      setLabel('');
      setRequestKey(crypto.randomUUID());
      onRequested(draft);
    },
  });

  return (
    <section aria-labelledby="request-draft-heading">
      <h2 className="nhsuk-heading-m" id="request-draft-heading">
        Make a new draft
      </h2>
      <form noValidate onSubmit={submit} aria-labelledby="request-draft-heading">
        <ErrorSummary errors={errors} />
        <TextInput
          id={inputIds.label}
          label="Label"
          hint="Say what the draft is for, for example Board pack, March"
          value={label}
          onChange={(value) => {
            setLabel(value);
            setRequestKey(crypto.randomUUID());
          }}
          error={errorFor(errors, inputIds.label)}
          maxLength={draftLabelMaxLength}
        />
        <button className="nhsuk-button" type="submit" disabled={submitting}>
          Make draft
        </button>
      </form>
    </section>
  );
}
