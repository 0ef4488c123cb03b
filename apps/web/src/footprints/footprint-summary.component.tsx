import { footprintRoleLabels, type FootprintView } from '@commonplan/domain';
import { formatNumber, formatPopulation } from '../shared/format/format';

export function FootprintSummary({ footprint }: { footprint: FootprintView }) {
  const rows: Array<[string, string]> = [
    ['Region', footprint.region],
    ['Population', formatPopulation(footprint)],
    ['Member organisations', formatNumber(footprint.organisationCount)],
    ['Members', formatNumber(footprint.memberCount)],
    [
      'Your role',
      footprint.myRole ? footprintRoleLabels[footprint.myRole] : 'Administrator (not a member)',
    ],
  ];
  return (
    <dl className="nhsuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
