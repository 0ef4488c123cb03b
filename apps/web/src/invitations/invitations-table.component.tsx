import { footprintRoleLabels, type InvitationView } from '@commonplan/domain';
import { DataTable } from '../shared/components/data-table.component';
import { formatDate } from '../shared/format/format';
import { InvitationStatusTag } from './invitation-status-tag.component';

interface InvitationsTableProps {
  invitations: InvitationView[];
  canRevoke: boolean;
  revoking: string | null;
  onRevoke: (invitation: InvitationView) => void;
}

export function InvitationsTable({
  invitations,
  canRevoke,
  revoking,
  onRevoke,
}: InvitationsTableProps) {
  return (
    <DataTable
      caption="Invitations"
      headings={['Email address', 'Role', 'Invited', 'Status']}
      actionsHeading={canRevoke ? 'Actions' : undefined}
    >
      {invitations.map((invitation) => (
        <tr className="nhsuk-table__row" key={invitation.id}>
          <td className="nhsuk-table__cell">
            {invitation.email}
            {invitation.organisation ? (
              <>
                <br />
                <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                  {invitation.organisation.name}
                </span>
              </>
            ) : null}
          </td>
          <td className="nhsuk-table__cell">{footprintRoleLabels[invitation.role]}</td>
          <td className="nhsuk-table__cell">
            {formatDate(invitation.createdAt)} by {invitation.invitedBy}
            {invitation.status === 'pending' ? (
              <>
                <br />
                <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                  Expires {formatDate(invitation.expiresAt)}
                </span>
              </>
            ) : null}
          </td>
          <td className="nhsuk-table__cell">
            <InvitationStatusTag status={invitation.status} />
          </td>
          {canRevoke ? (
            <td className="nhsuk-table__cell">
              {invitation.status === 'pending' ? (
                <button
                  type="button"
                  className="app-link-button"
                  disabled={revoking === invitation.id}
                  onClick={() => onRevoke(invitation)}
                >
                  Revoke
                  <span className="nhsuk-u-visually-hidden">
                    {' '}
                    the invitation to {invitation.email}
                  </span>
                </button>
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
