import type { OrganisationView } from '@commonplan/domain';
import { useState } from 'react';
import { PanelError } from '../shared/components/panel-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { SuccessBanner } from '../shared/components/success-banner.component';
import { fetchAllPages } from '../shared/api/fetch-all-pages';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { AddOrganisationForm } from './add-organisation-form.component';
import { listOrganisations } from './footprints.api';
import { OrganisationsTable } from './organisations-table.component';

interface OrganisationsPanelProps {
  slug: string;
  canManage: boolean;
}

/** The footprint's member organisations, and for leads a way to add one. */
export function OrganisationsPanel({ slug, canManage }: OrganisationsPanelProps) {
  const organisations = useApiResource<OrganisationView[]>(`organisations:${slug}`, (signal) =>
    fetchAllPages((page, pageSize) => listOrganisations(slug, page, pageSize, signal)),
  );
  const [added, setAdded] = useState<OrganisationView | null>(null);

  return (
    <section aria-labelledby="organisations-heading">
      <h2 className="nhsuk-heading-m" id="organisations-heading">
        Member organisations
      </h2>
      {added ? <SuccessBanner heading={`${added.name} is now a member organisation.`} /> : null}
      {organisations.loading ? <LoadingMessage text="Loading organisations…" /> : null}
      {organisations.error ? (
        <PanelError
          error={organisations.error}
          what="the organisations"
          retry={organisations.reload}
        />
      ) : null}
      {organisations.data?.length === 0 ? (
        <p className="nhsuk-body">No organisations have joined this footprint yet.</p>
      ) : null}
      {organisations.data && organisations.data.length > 0 ? (
        <OrganisationsTable organisations={organisations.data} />
      ) : null}
      {canManage ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Add an organisation</span>
          </summary>
          <div className="nhsuk-details__text">
            <AddOrganisationForm
              slug={slug}
              onAdded={(organisation) => {
                setAdded(organisation);
                organisations.replace([...(organisations.data ?? []), organisation]);
              }}
            />
          </div>
        </details>
      ) : null}
    </section>
  );
}
