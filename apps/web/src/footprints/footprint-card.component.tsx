import { footprintRoleLabels, type FootprintSummary } from '@commonplan/domain';
import { Link } from 'react-router';
import { formatNumber, formatPopulation } from '../shared/format/format';

function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

export function FootprintCard({ footprint }: { footprint: FootprintSummary }) {
  return (
    <div className="nhsuk-card nhsuk-card--clickable">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m">
          <Link className="nhsuk-card__link" to={`/footprints/${footprint.slug}`}>
            {footprint.name}
          </Link>
        </h2>
        <p className="nhsuk-card__description">
          {footprint.region} · population {formatPopulation(footprint)}
        </p>
        <p className="nhsuk-card__description">
          {plural(footprint.organisationCount, 'organisation', 'organisations')},{' '}
          {plural(footprint.planCount, 'plan', 'plans')}
        </p>
        <p className="nhsuk-card__description">
          {footprint.myRole ? (
            <>Your role: {footprintRoleLabels[footprint.myRole]}</>
          ) : (
            <>You are not a member (you see it as an administrator)</>
          )}
        </p>
      </div>
    </div>
  );
}
