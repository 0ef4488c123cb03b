import {
  activityKindLabels,
  activityKinds,
  type MemberView,
  type PlanSummary,
} from '@commonplan/domain';
import { useState, type FormEvent } from 'react';
import { SelectField } from '../shared/components/select-field.component';
import type { ActivityFilters } from './activity-filters';

interface ActivityFiltersFormProps {
  filters: ActivityFilters;
  plans: PlanSummary[] | null;
  members: MemberView[];
  onApply: (filters: ActivityFilters) => void;
}

/** Narrows the activity feed to one plan, one person or one kind of thing. */
export function ActivityFiltersForm({
  filters,
  plans,
  members,
  onApply,
}: ActivityFiltersFormProps) {
  const [planId, setPlanId] = useState(filters.planId ?? '');
  const [actorId, setActorId] = useState(filters.actorId ?? '');
  const [kind, setKind] = useState<string>(filters.kind ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      ...(planId ? { planId } : {}),
      ...(actorId ? { actorId } : {}),
      ...(kind ? { kind: kind as ActivityFilters['kind'] } : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate className="app-activity-filters">
      <div className="nhsuk-grid-row">
        {plans ? (
          <div className="nhsuk-grid-column-one-third">
            <SelectField
              id="filter-plan"
              label="Plan"
              value={planId}
              onChange={setPlanId}
              options={[
                { value: '', label: 'Every plan' },
                ...plans.map((p) => ({ value: p.id, label: p.title })),
              ]}
            />
          </div>
        ) : null}
        <div className="nhsuk-grid-column-one-third">
          <SelectField
            id="filter-person"
            label="Person"
            value={actorId}
            onChange={setActorId}
            options={[
              { value: '', label: 'Everyone' },
              ...members.map((m) => ({ value: m.userId, label: m.name })),
            ]}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <SelectField
            id="filter-kind"
            label="Kind"
            value={kind}
            onChange={setKind}
            options={[
              { value: '', label: 'Everything' },
              ...activityKinds.map((k) => ({ value: k, label: activityKindLabels[k] })),
            ]}
          />
        </div>
      </div>
      <div className="app-inline-actions">
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show activity
        </button>
      </div>
    </form>
  );
}
