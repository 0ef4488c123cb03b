import { organisationKindLabels, type OrganisationView } from '@commonplan/domain';
import { DataTable } from '../shared/components/data-table.component';

export function OrganisationsTable({ organisations }: { organisations: OrganisationView[] }) {
  return (
    <DataTable caption="Member organisations" headings={['Organisation', 'Kind', 'ODS code']}>
      {organisations.map((organisation) => (
        <tr className="nhsuk-table__row" key={organisation.id}>
          <td className="nhsuk-table__cell">{organisation.name}</td>
          <td className="nhsuk-table__cell">{organisationKindLabels[organisation.kind]}</td>
          <td className="nhsuk-table__cell">
            {organisation.odsCode ?? (
              <span className="nhsuk-u-secondary-text-colour">
                None<span className="nhsuk-u-visually-hidden"> recorded</span>
              </span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
