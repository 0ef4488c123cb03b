import { reviewStatusLabels, type ReviewStatus } from '@commonplan/domain';

const colours: Record<ReviewStatus, string> = {
  draft: 'nhsuk-tag--grey',
  in_review: 'nhsuk-tag--blue',
  changes_requested: 'nhsuk-tag--orange',
  approved: 'nhsuk-tag--green',
};

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  return (
    <strong className={`nhsuk-tag ${colours[status]} app-tag-nowrap`}>
      {reviewStatusLabels[status]}
    </strong>
  );
}
