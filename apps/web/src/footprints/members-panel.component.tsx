import { footprintRoleLabels, type MemberView, type Page } from '@commonplan/domain';
import { useState } from 'react';
import { useSession } from '../auth/use-session.hook';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { Pagination } from '../shared/components/pagination.component';
import { PanelError } from '../shared/components/panel-error.component';
import { SuccessBanner } from '../shared/components/success-banner.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { usePageNumber } from '../shared/hooks/use-page-number.hook';
import { listMembers } from './footprints.api';
import { MembersTable } from './members-table.component';

interface MembersPanelProps {
  slug: string;
  canManage: boolean;
  /** The heading level and text differ between the footprint page and the members page. */
  heading: string;
  pageParam?: string;
}

/** A page of the footprint's members with their roles; leads change roles and remove people here. */
export function MembersPanel({ slug, canManage, heading, pageParam = 'page' }: MembersPanelProps) {
  const { me } = useSession();
  const page = usePageNumber(pageParam);
  const members = useApiResource<Page<MemberView>>(`members:${slug}:${page}`, (signal) =>
    listMembers(slug, page, 20, signal),
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const replaceMember = (updated: MemberView) => {
    setErrors([]);
    setNotice(`${updated.name} is now ${footprintRoleLabels[updated.role].toLowerCase()}.`);
    if (members.data)
      members.replace({
        ...members.data,
        items: members.data.items.map((m) => (m.userId === updated.userId ? updated : m)),
      });
  };

  const dropMember = (removed: MemberView) => {
    setErrors([]);
    setNotice(`${removed.name} has been removed from this footprint.`);
    members.reload();
  };

  return (
    <section aria-labelledby="members-heading">
      <h2 className="nhsuk-heading-m" id="members-heading">
        {heading}
      </h2>
      {notice ? <SuccessBanner heading={notice} /> : null}
      <ErrorSummary errors={errors} />
      {members.loading ? <LoadingMessage text="Loading members…" /> : null}
      {members.error ? (
        <PanelError error={members.error} what="the members" retry={members.reload} />
      ) : null}
      {members.data?.total === 0 ? (
        <p className="nhsuk-body">Nobody has joined this footprint yet.</p>
      ) : null}
      {members.data && members.data.items.length > 0 ? (
        <>
          <MembersTable
            slug={slug}
            members={members.data.items}
            myUserId={me?.user.id}
            canManage={canManage}
            onChanged={replaceMember}
            onRemoved={dropMember}
            onError={(error) => {
              setNotice(null);
              setErrors(toFormErrors(error));
            }}
          />
          <Pagination page={members.data} param={pageParam} />
        </>
      ) : null}
    </section>
  );
}
