import { canOnInstance } from '@commonplan/domain';
import { Link } from 'react-router';
import { useSession } from '../auth/use-session.hook';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { Pagination } from '../shared/components/pagination.component';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { usePageNumber } from '../shared/hooks/use-page-number.hook';
import { FootprintCard } from './footprint-card.component';
import { listMyFootprints } from './footprints.api';

export function MyFootprintsPage() {
  const { me } = useSession();
  const page = usePageNumber();
  const footprints = useApiResource(`my-footprints:${page}`, (signal) =>
    listMyFootprints(page, signal),
  );
  const title = me?.isAdmin ? 'Footprints' : 'Your footprints';
  useDocumentTitle(title);

  return (
    <>
      <h1 className="nhsuk-heading-l">{title}</h1>
      <p className="nhsuk-lede-text">
        {me?.isAdmin
          ? 'Every partnership on this Commonplan. You run the service, so you see them all.'
          : 'The health and care partnerships you are a member of.'}
      </p>
      {me && canOnInstance(me, 'operations.read') ? (
        <ul className="nhsuk-list">
          <li>
            <Link to="/operations/failed-jobs">Jobs that failed for good</Link>
            <span className="nhsuk-u-secondary-text-colour">
              : drafts, exports and emails the worker stopped trying
            </span>
          </li>
        </ul>
      ) : null}
      {footprints.loading ? <LoadingMessage text="Loading your footprints…" /> : null}
      {footprints.error ? (
        <LoadError error={footprints.error} what="your footprints" retry={footprints.reload} />
      ) : null}
      {footprints.data && footprints.data.total === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            You are not a member of any footprint yet. When a partnership lead invites you, you will
            get a link by email; follow it to join, and the footprint will appear here.
          </p>
        </div>
      ) : null}
      {footprints.data && footprints.data.items.length > 0 ? (
        <>
          <ul className="nhsuk-grid-row nhsuk-card-group">
            {footprints.data.items.map((footprint) => (
              <li className="nhsuk-grid-column-one-half nhsuk-card-group__item" key={footprint.id}>
                <FootprintCard footprint={footprint} />
              </li>
            ))}
          </ul>
          <Pagination page={footprints.data} />
        </>
      ) : null}
    </>
  );
}
