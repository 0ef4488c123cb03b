import { draftStatusLabels, type DraftStatus } from '@commonplan/domain';

const colours: Record<DraftStatus, string> = {
  queued: 'nhsuk-tag--grey',
  generating: 'nhsuk-tag--blue',
  ready: 'nhsuk-tag--green',
  failed: 'nhsuk-tag--red',
};

export function DraftStatusTag({ status }: { status: DraftStatus }) {
  return (
    <strong className={`nhsuk-tag ${colours[status]} app-tag-nowrap`}>
      {draftStatusLabels[status]}
    </strong>
  );
}
