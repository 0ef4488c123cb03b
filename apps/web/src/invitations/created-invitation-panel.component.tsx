import type { CreatedInvitation } from '@commonplan/domain';
import { CopyButton } from '../shared/components/copy-button.component';
import { SuccessBanner } from '../shared/components/success-banner.component';
import { formatDate } from '../shared/format/format';

/** The invitation link, shown once to the lead who made it. */
export function CreatedInvitationPanel({ invitation }: { invitation: CreatedInvitation }) {
  return (
    <SuccessBanner heading={`You invited ${invitation.email}`}>
      <p className="nhsuk-body">
        {invitation.emailed
          ? 'We have emailed them the link below. You can also send it yourself.'
          : 'We could not email the invitation, so send them this link yourself.'}{' '}
        It works once, until {formatDate(invitation.expiresAt)}, and this is the only time we show
        it.
      </p>
      <p className="nhsuk-body app-accept-url">
        <a href={invitation.acceptUrl}>{invitation.acceptUrl}</a>
      </p>
      <CopyButton text={invitation.acceptUrl} label="Copy the invitation link" />
    </SuccessBanner>
  );
}
