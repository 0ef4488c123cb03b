import type { CreatedInvitation, InvitationView, OrganisationView, Page } from '@commonplan/domain';
import { useState } from 'react';
import { listOrganisations } from '../footprints/footprints.api';
import { fetchAllPages } from '../shared/api/fetch-all-pages';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { Pagination } from '../shared/components/pagination.component';
import { PanelError } from '../shared/components/panel-error.component';
import { SuccessBanner } from '../shared/components/success-banner.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { usePageNumber } from '../shared/hooks/use-page-number.hook';
import { CreatedInvitationPanel } from './created-invitation-panel.component';
import { InviteForm } from './invite-form.component';
import { listInvitations, revokeInvitation } from './invitations.api';
import { InvitationsTable } from './invitations-table.component';

/** For leads: invite someone to the footprint, and see (and revoke) the invitations sent. */
export function InvitationsPanel({ slug }: { slug: string }) {
  const page = usePageNumber('invitationsPage');
  const invitations = useApiResource<Page<InvitationView>>(
    `invitations:${slug}:${page}`,
    (signal) => listInvitations(slug, page, signal),
  );
  const organisations = useApiResource<OrganisationView[]>(`organisations:${slug}`, (signal) =>
    fetchAllPages((p, pageSize) => listOrganisations(slug, p, pageSize, signal)),
  );
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormError[]>([]);

  const revoke = async (invitation: InvitationView) => {
    setRevoking(invitation.id);
    setErrors([]);
    try {
      await revokeInvitation(slug, invitation.id);
      setCreated(null);
      setRevoked(
        `The invitation to ${invitation.email} has been revoked. The link no longer works.`,
      );
      invitations.reload();
    } catch (error) {
      setErrors(toFormErrors(error));
    } finally {
      setRevoking(null);
    }
  };

  return (
    <section aria-labelledby="invitations-heading">
      <h2 className="nhsuk-heading-m" id="invitations-heading">
        Invite someone
      </h2>
      {created ? <CreatedInvitationPanel invitation={created} /> : null}
      {organisations.error ? (
        <PanelError
          error={organisations.error}
          what="the organisations"
          retry={organisations.reload}
        />
      ) : null}
      <InviteForm
        slug={slug}
        organisations={organisations.data ?? []}
        onInvited={(invitation) => {
          setRevoked(null);
          setCreated(invitation);
          invitations.reload();
        }}
      />
      <h3 className="nhsuk-heading-s">Invitations sent</h3>
      {revoked ? <SuccessBanner heading={revoked} /> : null}
      <ErrorSummary errors={errors} />
      {invitations.loading ? <LoadingMessage text="Loading invitations…" /> : null}
      {invitations.error ? (
        <PanelError error={invitations.error} what="the invitations" retry={invitations.reload} />
      ) : null}
      {invitations.data?.total === 0 ? (
        <p className="nhsuk-body">No invitations have been sent yet.</p>
      ) : null}
      {invitations.data && invitations.data.items.length > 0 ? (
        <>
          <InvitationsTable
            invitations={invitations.data.items}
            canRevoke
            revoking={revoking}
            onRevoke={(invitation) => void revoke(invitation)}
          />
          <Pagination page={invitations.data} param="invitationsPage" />
        </>
      ) : null}
    </section>
  );
}
