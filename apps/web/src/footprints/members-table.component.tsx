import type { MemberView } from '@commonplan/domain';
import { MemberRow } from './member-row.component';

interface MembersTableProps {
  slug: string;
  members: MemberView[];
  myUserId: string | undefined;
  canManage: boolean;
  onChanged: (member: MemberView) => void;
  onRemoved: (member: MemberView) => void;
  onError: (error: unknown) => void;
}

export function MembersTable({ members, canManage, myUserId, ...handlers }: MembersTableProps) {
  return (
    <div className="nhsuk-table-container">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Members</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Name
            </th>
            <th className="nhsuk-table__header" scope="col">
              Organisation
            </th>
            <th className="nhsuk-table__header" scope="col">
              Role
            </th>
            {canManage ? (
              <th className="nhsuk-table__header" scope="col">
                <span className="nhsuk-u-visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {members.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              isMe={member.userId === myUserId}
              canManage={canManage}
              {...handlers}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
