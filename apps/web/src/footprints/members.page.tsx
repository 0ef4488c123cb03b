import { useParams } from 'react-router';
import { InvitationsPanel } from '../invitations/invitations-panel.component';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { MembersPanel } from './members-panel.component';
import { useFootprint } from './use-footprint.hook';

export function MembersPage() {
  const { slug = '' } = useParams();
  const footprint = useFootprint(slug);
  useDocumentTitle(footprint.data ? `Members – ${footprint.data.name}` : 'Members');

  if (footprint.error)
    return <LoadError error={footprint.error} what="this footprint" retry={footprint.reload} />;
  if (!footprint.data) return <LoadingMessage text="Loading footprint…" />;

  const view = footprint.data;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your footprints', to: '/' },
          { text: view.name, to: `/footprints/${view.slug}` },
        ]}
      />
      <span className="nhsuk-caption-l">{view.name}</span>
      <h1 className="nhsuk-heading-l">Members and invitations</h1>
      <MembersPanel
        slug={view.slug}
        canManage={footprint.allows('members.manage')}
        heading="Members"
      />
      {footprint.allows('members.invite') ? <InvitationsPanel slug={view.slug} /> : null}
    </>
  );
}
