import { organisationKindLabels, type OrganisationView } from '@commonplan/domain';

export function OrganisationsTable({ organisations }: { organisations: OrganisationView[] }) {
  return (
    <div className="nhsuk-table-container">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
          Member organisations
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Organisation
            </th>
            <th className="nhsuk-table__header" scope="col">
              Kind
            </th>
            <th className="nhsuk-table__header" scope="col">
              ODS code
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
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
        </tbody>
      </table>
    </div>
  );
}
