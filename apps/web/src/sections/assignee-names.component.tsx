import type { AssigneeView } from '@commonplan/domain';

/** "Jo Bloggs, Sam Patel", or a quiet "None yet". */
export function AssigneeNames({ people }: { people: AssigneeView[] }) {
  if (people.length === 0) return <span className="nhsuk-u-secondary-text-colour">None yet</span>;
  return <>{people.map((person) => person.name).join(', ')}</>;
}
