import type { DraftSummary } from '@commonplan/domain';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { SelectField } from '../shared/components/select-field.component';
import type { FormError } from '../shared/forms/form-error';

const inputIds = { from: 'compare-from', to: 'compare-to' };

/** Picks two ready drafts to compare; by default the two newest. */
export function CompareDraftsForm({ planId, drafts }: { planId: string; drafts: DraftSummary[] }) {
  const ready = drafts.filter((draft) => draft.status === 'ready');
  const [from, setFrom] = useState(ready[1]?.id ?? '');
  const [to, setTo] = useState(ready[0]?.id ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const navigate = useNavigate();
  const options = ready.map((draft) => ({
    value: draft.id,
    label: `Draft ${draft.number}: ${draft.label}`,
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [];
    if (!from) problems.push({ inputId: inputIds.from, message: 'Select the older draft' });
    if (!to) problems.push({ inputId: inputIds.to, message: 'Select the newer draft' });
    setErrors(problems);
    if (problems.length === 0)
      void navigate(`/plans/${planId}/drafts/compare?from=${from}&to=${to}`);
  };

  return (
    <section aria-labelledby="compare-drafts-heading">
      <h2 className="nhsuk-heading-m" id="compare-drafts-heading">
        Compare two drafts
      </h2>
      {ready.length < 2 ? (
        <p className="nhsuk-body">
          When this plan has two ready drafts, you can compare them here.
        </p>
      ) : (
        <form noValidate onSubmit={submit} aria-labelledby="compare-drafts-heading">
          <ErrorSummary errors={errors} />
          <div className="app-compare-pickers">
            <SelectField
              id={inputIds.from}
              label="Older draft"
              value={from}
              options={[{ value: '', label: 'Select a draft' }, ...options]}
              onChange={setFrom}
              error={errors.find((e) => e.inputId === inputIds.from)?.message}
            />
            <SelectField
              id={inputIds.to}
              label="Newer draft"
              value={to}
              options={[{ value: '', label: 'Select a draft' }, ...options]}
              onChange={setTo}
              error={errors.find((e) => e.inputId === inputIds.to)?.message}
            />
          </div>
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Compare
          </button>
        </form>
      )}
    </section>
  );
}
