import type { MemberView } from '@commonplan/domain';
import { DataTable } from '../shared/components/data-table.component';
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
    <DataTable
      caption="Members"
      headings={['Name', 'Organisation', 'Role']}
      actionsHeading={canManage ? 'Actions' : undefined}
    >
      {members.map((member) => (
        <MemberRow
          key={member.userId}
          member={member}
          isMe={member.userId === myUserId}
          canManage={canManage}
          {...handlers}
        />
      ))}
    </DataTable>
  );
}
