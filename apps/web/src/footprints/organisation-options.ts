import type { OrganisationView } from '@commonplan/domain';
import type { SelectOption } from '../shared/components/select-field.component';

/** A footprint's member organisations to choose from, after a first "none" choice worded by the form. */
export function organisationOptions(
  organisations: OrganisationView[],
  noneLabel: string,
): SelectOption[] {
  return [
    { value: '', label: noneLabel },
    ...organisations.map((o) => ({ value: o.id, label: o.name })),
  ];
}
