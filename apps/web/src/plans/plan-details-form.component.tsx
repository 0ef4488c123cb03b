import type { PlanView } from '@commonplan/domain';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import {
  PlanFields,
  planFieldIds,
  trimPlanDetails,
  validatePlanDetails,
} from './plan-fields.component';
import { updatePlan, type NewPlan } from './plans.api';

const inputIds = planFieldIds('plan-details');

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
  const [values, setValues] = useState<NewPlan>({
    title: plan.title,
    kind: plan.kind,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
  });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const showErrors = (problems: FormError[]) => {
    setErrors(problems);
    onErrorsChange(problems.length > 0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const details = trimPlanDetails(values);
    const problems = validatePlanDetails(details, inputIds);
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
      <PlanFields ids={inputIds} values={values} onChange={setValues} errors={errors} />
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
