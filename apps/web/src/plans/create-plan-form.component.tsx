import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
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
  const [errors, setErrors] = useState<FormError[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const details = trimPlanDetails(values);
    const problems = validatePlanDetails(details, inputIds);
    setErrors(problems);
    if (problems.length > 0) return;
    setSubmitting(true);
    try {
      const plan = await createPlan(slug, details);
      navigate(`/plans/${plan.id}`, { state: { notice: `You created “${plan.title}”.` } });
    } catch (error) {
      setErrors(toFormErrors(error, inputIds));
      setSubmitting(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
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
