import { footprintRoleLabels, type InvitationView } from '@commonplan/domain';
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
    <div className="nhsuk-table-container">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Invitations</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Email address
            </th>
            <th className="nhsuk-table__header" scope="col">
              Role
            </th>
            <th className="nhsuk-table__header" scope="col">
              Invited
            </th>
            <th className="nhsuk-table__header" scope="col">
              Status
            </th>
            {canRevoke ? (
              <th className="nhsuk-table__header" scope="col">
                <span className="nhsuk-u-visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
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
        </tbody>
      </table>
    </div>
  );
}
