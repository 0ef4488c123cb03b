import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { useFormSubmission } from '../shared/forms/use-form-submission.hook';
import {
  PlanFields,
  planFieldIds,
  trimPlanDetails,
  validatePlanDetails,
} from './plan-fields.component';
import { createPlan, type NewPlan } from './plans.api';

const inputIds = planFieldIds('plan');

function currentPlanningYear(): string {
  const now = new Date();
  // The NHS financial year starts in April.
  const start = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Leads start a new plan for their footprint; it opens in drafting. */
export function CreatePlanForm({ slug }: { slug: string }) {
  const navigate = useNavigate();
  const [values, setValues] = useState<NewPlan>(() => ({
    title: '',
    kind: 'joint_forward_plan',
    periodStart: currentPlanningYear(),
    periodEnd: '',
  }));
  const { errors, submitting, handleSubmit } = useFormSubmission(inputIds, {
    keepDisabledOnSuccess: true,
  });

  const details = trimPlanDetails(values);
  const submit = handleSubmit({
    validate: () => validatePlanDetails(details, inputIds),
    send: async () => {
      const plan = await createPlan(slug, details);
      navigate(`/plans/${plan.id}`, { state: { notice: `You created “${plan.title}”.` } });
    },
  });

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <PlanFields
        ids={inputIds}
        values={values}
        onChange={setValues}
        errors={errors}
        titleHint="For example, Joint forward plan 2026 to 2031"
      />
      <button className="nhsuk-button" type="submit" disabled={submitting}>
        Create the plan
      </button>
    </form>
  );
}
