import {
  isPlanningYear,
  isPlanPeriod,
  planKindLabels,
  planKinds,
  type PlanKind,
} from '@commonplan/domain';
import { SelectField } from '../shared/components/select-field.component';
import { TextInput } from '../shared/components/text-input.component';
import { errorFor, type FormError } from '../shared/forms/form-error';
import type { NewPlan } from './plans.api';

export type PlanFieldIds = Record<'title' | 'kind' | 'periodStart' | 'periodEnd', string>;

/** Ids for one form's plan fields, so two forms on a page never share an id. */
export function planFieldIds(prefix: string): PlanFieldIds {
  return {
    title: `${prefix}-title`,
    kind: `${prefix}-kind`,
    periodStart: `${prefix}-period-start`,
    periodEnd: `${prefix}-period-end`,
  };
}

/** The same limits the API holds titles to, so a person hears about them before saving. */
const titleLength = { min: 3, max: 200 };

/** What is wrong with a plan's details, in plain words, each tied to its field. */
export function validatePlanDetails(details: NewPlan, ids: PlanFieldIds): FormError[] {
  const errors: FormError[] = [];
  if (details.title.length === 0)
    errors.push({ inputId: ids.title, message: 'Enter a title for the plan' });
  else if (details.title.length < titleLength.min)
    errors.push({
      inputId: ids.title,
      message: `The title must be at least ${titleLength.min} characters`,
    });
  else if (details.title.length > titleLength.max)
    errors.push({
      inputId: ids.title,
      message: `The title must be ${titleLength.max} characters or fewer`,
    });
  if (!isPlanningYear(details.periodStart))
    errors.push({
      inputId: ids.periodStart,
      message: 'Enter the first year of the period as a planning year, like 2016/17',
    });
  if (!isPlanningYear(details.periodEnd))
    errors.push({
      inputId: ids.periodEnd,
      message: 'Enter the last year of the period as a planning year, like 2020/21',
    });
  else if (
    isPlanningYear(details.periodStart) &&
    !isPlanPeriod(details.periodStart, details.periodEnd)
  )
    errors.push({
      inputId: ids.periodEnd,
      message: `The period cannot end before it starts: enter a last year of ${details.periodStart} or later`,
    });
  return errors;
}

/** Trims what a person typed into the details the API expects. */
export function trimPlanDetails(details: NewPlan): NewPlan {
  return {
    title: details.title.trim(),
    kind: details.kind,
    periodStart: details.periodStart.trim(),
    periodEnd: details.periodEnd.trim(),
  };
}

interface PlanFieldsProps {
  ids: PlanFieldIds;
  values: NewPlan;
  onChange: (values: NewPlan) => void;
  errors: FormError[];
  titleHint?: string;
}

/** Title, kind and period: the fields a plan is created with and a lead can change later. */
export function PlanFields({ ids, values, onChange, errors, titleHint }: PlanFieldsProps) {
  const set = (change: Partial<NewPlan>) => onChange({ ...values, ...change });
  return (
    <>
      <TextInput
        id={ids.title}
        label="Title"
        hint={titleHint}
        value={values.title}
        onChange={(title) => set({ title })}
        error={errorFor(errors, ids.title)}
      />
      <SelectField
        id={ids.kind}
        label="Kind of plan"
        value={values.kind}
        options={planKinds.map((value) => ({ value, label: planKindLabels[value] }))}
        onChange={(kind) => set({ kind: kind as PlanKind })}
        error={errorFor(errors, ids.kind)}
      />
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            Period the plan covers
          </legend>
          <TextInput
            id={ids.periodStart}
            label="First year"
            hint="A planning year, like 2016/17"
            width={5}
            value={values.periodStart}
            onChange={(periodStart) => set({ periodStart })}
            error={errorFor(errors, ids.periodStart)}
          />
          <TextInput
            id={ids.periodEnd}
            label="Last year"
            hint="The same planning year or a later one, like 2020/21"
            width={5}
            value={values.periodEnd}
            onChange={(periodEnd) => set({ periodEnd })}
            error={errorFor(errors, ids.periodEnd)}
          />
        </fieldset>
      </div>
    </>
  );
}
