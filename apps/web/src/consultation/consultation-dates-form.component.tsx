import type { ConsultationView } from '@commonplan/domain';
import { useState } from 'react';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor } from '../shared/forms/form-error';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { setConsultationDates } from './consultation.api';

interface ConsultationDatesFormProps {
  planId: string;
  current: ConsultationView['consultation'];
  onSaved: (view: ConsultationView) => void;
}

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** Opens the consultation, or changes its dates (which reopens one closed early). */
export function ConsultationDatesForm({ planId, current, onSaved }: ConsultationDatesFormProps) {
  const [opensOn, setOpensOn] = useState(current?.opensOn ?? today());
  const [closesOn, setClosesOn] = useState(current?.closesOn ?? '');
  const { errors, submitting, handleSubmit } = useFormSubmission({
    opensOn: 'opensOn',
    closesOn: 'closesOn',
  });
  const submit = handleSubmit({
    validate: () => [
      ...(opensOn
        ? []
        : [{ inputId: 'opensOn', message: 'Enter the date the consultation opens' }]),
      ...(closesOn
        ? []
        : [{ inputId: 'closesOn', message: 'Enter the last day responses are taken' }]),
    ],
    send: async () => onSaved(await setConsultationDates(planId, opensOn, closesOn)),
  });
  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <h2 className="nhsuk-heading-m">{current ? 'Change the dates' : 'Open a consultation'}</h2>
      <p className="nhsuk-body">
        Days are in England, both included: responses are taken from the start of the first day to
        the end of the last.
        {current?.state === 'closed' && current.closedEarlyAt
          ? ' Saving new dates opens the consultation again.'
          : ''}
      </p>
      <TextInput
        id="opensOn"
        label="Opens on"
        type="date"
        width={10}
        value={opensOn}
        onChange={setOpensOn}
        error={errorFor(errors, 'opensOn')}
      />
      <TextInput
        id="closesOn"
        label="Closes after"
        type="date"
        width={10}
        value={closesOn}
        onChange={setClosesOn}
        error={errorFor(errors, 'closesOn')}
      />
      <button className="nhsuk-button" type="submit" disabled={submitting}>
        {current ? 'Save the dates' : 'Open the consultation'}
      </button>
    </form>
  );
}
