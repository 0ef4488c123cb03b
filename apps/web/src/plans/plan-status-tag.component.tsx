import { planStatusLabels, type PlanStatus } from '@commonplan/domain';

const colours: Record<PlanStatus, string> = {
  drafting: 'nhsuk-tag--blue',
  consultation: 'nhsuk-tag--yellow',
  published: 'nhsuk-tag--green',
  archived: 'nhsuk-tag--grey',
};

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return (
    <strong className={`nhsuk-tag ${colours[status]} app-tag-nowrap`}>
      {planStatusLabels[status]}
    </strong>
  );
}
