import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { InvitationsPanel } from '../invitations/invitations-panel.component';
import { PlansPanel } from '../plans/plans-panel.component';
import { FootprintSummary } from './footprint-summary.component';
import { MembersPanel } from './members-panel.component';
import { OrganisationsPanel } from './organisations-panel.component';
import { useFootprint } from './use-footprint.hook';

export function FootprintPage() {
  const { slug = '' } = useParams();
  const footprint = useFootprint(slug);
  useDocumentTitle(footprint.data?.name ?? (footprint.loading ? 'Loading footprint' : undefined));

  if (footprint.error)
    return <LoadError error={footprint.error} what="this footprint" retry={footprint.reload} />;
  if (!footprint.data) return <LoadingMessage text="Loading footprint…" />;

  const view = footprint.data;
  const { allows } = footprint;
  return (
    <>
      <Breadcrumbs items={[{ text: 'Your footprints', to: '/' }]} />
      <span className="nhsuk-caption-l">Footprint</span>
      <h1 className="nhsuk-heading-l">{view.name}</h1>
      <FootprintSummary footprint={view} />
      {allows('members.invite') || allows('members.manage') || allows('audit.read') ? (
        <ul className="nhsuk-list">
          {allows('members.invite') || allows('members.manage') ? (
            <li>
              <Link to={`/footprints/${view.slug}/members`}>Members and invitations</Link>
              <span className="nhsuk-u-secondary-text-colour">: everyone in the footprint</span>
            </li>
          ) : null}
          {allows('audit.read') ? (
            <li>
              <Link to={`/footprints/${view.slug}/activity`}>Activity</Link>
              <span className="nhsuk-u-secondary-text-colour">: who did what, and when</span>
            </li>
          ) : null}
        </ul>
      ) : null}
      <PlansPanel
        slug={view.slug}
        canRead={allows('plan.read')}
        canCreate={allows('plan.create')}
      />
      <OrganisationsPanel slug={view.slug} canManage={allows('organisations.manage')} />
      {allows('members.read') ? (
        <MembersPanel
          slug={view.slug}
          canManage={allows('members.manage')}
          heading="Members"
          pageParam="membersPage"
        />
      ) : null}
      {allows('members.invite') ? <InvitationsPanel slug={view.slug} /> : null}
    </>
  );
}
