import {
  isPlanningYear,
  isPlanPeriod,
  planKindLabels,
  planKinds,
  type PlanKind,
} from '@commonplan/domain';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { SelectField } from '../shared/components/select-field.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, toFormErrors, type FormError } from '../shared/forms/form-error';
import { createPlan } from './plans.api';

const inputIds = {
  title: 'plan-title',
  kind: 'plan-kind',
  periodStart: 'plan-period-start',
  periodEnd: 'plan-period-end',
};

function currentPlanningYear(): string {
  const now = new Date();
  // The NHS financial year starts in April.
  const start = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

function validate(title: string, periodStart: string, periodEnd: string): FormError[] {
  const errors: FormError[] = [];
  if (title.trim().length < 2)
    errors.push({ inputId: inputIds.title, message: 'Enter a title for the plan' });
  if (!isPlanningYear(periodStart))
    errors.push({
      inputId: inputIds.periodStart,
      message: 'Enter the first year as a planning year, like 2026/27',
    });
  if (!isPlanningYear(periodEnd))
    errors.push({
      inputId: inputIds.periodEnd,
      message: 'Enter the last year as a planning year, like 2030/31',
    });
  else if (isPlanningYear(periodStart) && !isPlanPeriod(periodStart, periodEnd))
    errors.push({
      inputId: inputIds.periodEnd,
      message: 'The last year must be the same as the first year or after it',
    });
  return errors;
}

/** Leads start a new plan for their footprint; it opens in drafting. */
export function CreatePlanForm({ slug }: { slug: string }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<PlanKind>('joint_forward_plan');
  const [periodStart, setPeriodStart] = useState(currentPlanningYear);
  const [periodEnd, setPeriodEnd] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validate(title, periodStart.trim(), periodEnd.trim());
    setErrors(problems);
    if (problems.length > 0) return;
    setSubmitting(true);
    try {
      const plan = await createPlan(slug, {
        title: title.trim(),
        kind,
        periodStart: periodStart.trim(),
        periodEnd: periodEnd.trim(),
      });
      navigate(`/plans/${plan.id}`, { state: { notice: `You created “${plan.title}”.` } });
    } catch (error) {
      setErrors(toFormErrors(error, inputIds));
      setSubmitting(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} />
      <TextInput
        id={inputIds.title}
        label="Title"
        hint="For example, Joint forward plan 2026 to 2031"
        value={title}
        onChange={setTitle}
        error={errorFor(errors, inputIds.title)}
      />
      <SelectField
        id={inputIds.kind}
        label="Kind of plan"
        value={kind}
        options={planKinds.map((value) => ({ value, label: planKindLabels[value] }))}
        onChange={(value) => setKind(value as PlanKind)}
        error={errorFor(errors, inputIds.kind)}
      />
      <TextInput
        id={inputIds.periodStart}
        label="First year"
        hint="A planning year, like 2026/27"
        width={5}
        value={periodStart}
        onChange={setPeriodStart}
        error={errorFor(errors, inputIds.periodStart)}
      />
      <TextInput
        id={inputIds.periodEnd}
        label="Last year"
        hint="A planning year, like 2030/31"
        width={5}
        value={periodEnd}
        onChange={setPeriodEnd}
        error={errorFor(errors, inputIds.periodEnd)}
      />
      <button className="nhsuk-button" type="submit" disabled={submitting}>
        Create the plan
      </button>
    </form>
  );
}
