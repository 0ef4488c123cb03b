import type { PlanView } from '@commonplan/domain';
import { useState } from 'react';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
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
  const { errors, submitting, showErrors, handleSubmit } = useFormSubmission(inputIds, {
    keepDisabledOnSuccess: true,
    onErrorsChange,
  });

  const details = trimPlanDetails(values);
  const submit = handleSubmit({
    validate: () => validatePlanDetails(details, inputIds),
    send: async () => {
      const changes = changesTo(plan, details);
      // Nothing to save: close the form as Cancel would, without asking the API.
      if (Object.keys(changes).length === 0) {
        onCancel();
        return;
      }
      const saved = await updatePlan(plan.id, changes);
      onSaved(saved);
    },
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby="change-plan-details-heading">
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
