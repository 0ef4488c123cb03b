import {
  isPlanningYear,
  isPlanPeriod,
  planKindLabels,
  planKinds,
  type PlanKind,
  type PlanView,
} from '@commonplan/domain';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { SelectField } from '../shared/components/select-field.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, toFormErrors, type FormError } from '../shared/forms/form-error';
import { updatePlan, type NewPlan } from './plans.api';

const inputIds = {
  title: 'plan-details-title',
  kind: 'plan-details-kind',
  periodStart: 'plan-details-period-start',
  periodEnd: 'plan-details-period-end',
};

/** The same limits the API holds titles to, so a person hears about them before saving. */
const titleLength = { min: 3, max: 200 };

function validate(details: NewPlan): FormError[] {
  const errors: FormError[] = [];
  if (details.title.length === 0)
    errors.push({ inputId: inputIds.title, message: 'Enter a title for the plan' });
  else if (details.title.length < titleLength.min)
    errors.push({
      inputId: inputIds.title,
      message: `The title must be at least ${titleLength.min} characters`,
    });
  else if (details.title.length > titleLength.max)
    errors.push({
      inputId: inputIds.title,
      message: `The title must be ${titleLength.max} characters or fewer`,
    });
  if (!isPlanningYear(details.periodStart))
    errors.push({
      inputId: inputIds.periodStart,
      message: 'Enter the first year of the period as a planning year, like 2016/17',
    });
  if (!isPlanningYear(details.periodEnd))
    errors.push({
      inputId: inputIds.periodEnd,
      message: 'Enter the last year of the period as a planning year, like 2020/21',
    });
  else if (
    isPlanningYear(details.periodStart) &&
    !isPlanPeriod(details.periodStart, details.periodEnd)
  )
    errors.push({
      inputId: inputIds.periodEnd,
      message: `The period cannot end before it starts: enter a last year of ${details.periodStart} or later`,
    });
  return errors;
}

/** Only what the lead changed is sent, so the plan's history records just that. */
function changesTo(plan: PlanView, details: NewPlan): Partial<NewPlan> {
  const changes: Partial<NewPlan> = {};
  if (details.title !== plan.title) changes.title = details.title;
  if (details.kind !== plan.kind) changes.kind = details.kind;
  if (details.periodStart !== plan.periodStart) changes.periodStart = details.periodStart;
  if (details.periodEnd !== plan.periodEnd) changes.periodEnd = details.periodEnd;
  return changes;
}

interface PlanDetailsFormProps {
  plan: PlanView;
  onSaved: (plan: PlanView) => void;
  onCancel: () => void;
  /** Tells the page whether the form shows errors, so its title can start with "Error:". */
  onErrorsChange: (hasErrors: boolean) => void;
}

/** Leads change a plan's title, kind and the planning years it covers. */
export function PlanDetailsForm({ plan, onSaved, onCancel, onErrorsChange }: PlanDetailsFormProps) {
  const [title, setTitle] = useState(plan.title);
  const [kind, setKind] = useState<PlanKind>(plan.kind);
  const [periodStart, setPeriodStart] = useState(plan.periodStart);
  const [periodEnd, setPeriodEnd] = useState(plan.periodEnd);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const showErrors = (problems: FormError[]) => {
    setErrors(problems);
    onErrorsChange(problems.length > 0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const details: NewPlan = {
      title: title.trim(),
      kind,
      periodStart: periodStart.trim(),
      periodEnd: periodEnd.trim(),
    };
    const problems = validate(details);
    showErrors(problems);
    if (problems.length > 0) return;
    const changes = changesTo(plan, details);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setSubmitting(true);
    try {
      const saved = await updatePlan(plan.id, changes);
      onSaved(saved);
    } catch (error) {
      showErrors(toFormErrors(error, inputIds));
      setSubmitting(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="change-plan-details-heading"
    >
      <ErrorSummary errors={errors} />
      <TextInput
        id={inputIds.title}
        label="Title"
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
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            Period the plan covers
          </legend>
          <TextInput
            id={inputIds.periodStart}
            label="First year"
            hint="A planning year, like 2016/17"
            width={5}
            value={periodStart}
            onChange={setPeriodStart}
            error={errorFor(errors, inputIds.periodStart)}
          />
          <TextInput
            id={inputIds.periodEnd}
            label="Last year"
            hint="The same planning year or a later one, like 2020/21"
            width={5}
            value={periodEnd}
            onChange={setPeriodEnd}
            error={errorFor(errors, inputIds.periodEnd)}
          />
        </fieldset>
      </div>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit" disabled={submitting}>
          Save changes
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          disabled={submitting}
          onClick={() => {
            showErrors([]);
            onCancel();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
