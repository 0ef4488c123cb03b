import type { InvitationView } from '@commonplan/domain';

const tags: Record<InvitationView['status'], { label: string; colour: string }> = {
  pending: { label: 'Waiting', colour: 'nhsuk-tag--blue' },
  accepted: { label: 'Accepted', colour: 'nhsuk-tag--green' },
  revoked: { label: 'Revoked', colour: 'nhsuk-tag--grey' },
  expired: { label: 'Expired', colour: 'nhsuk-tag--grey' },
};

export function InvitationStatusTag({ status }: { status: InvitationView['status'] }) {
  const tag = tags[status];
  return <strong className={`nhsuk-tag ${tag.colour} app-tag-nowrap`}>{tag.label}</strong>;
}
