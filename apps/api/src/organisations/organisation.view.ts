import type { OrganisationView } from '@commonplan/domain';
import type { Organisation } from './organisation.entity.js';

export function toOrganisationView(organisation: Organisation): OrganisationView;
export function toOrganisationView(
  organisation: Organisation | null | undefined,
): OrganisationView | null;
export function toOrganisationView(
  organisation: Organisation | null | undefined,
): OrganisationView | null {
  if (!organisation) return null;
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    odsCode: organisation.odsCode,
  };
}
