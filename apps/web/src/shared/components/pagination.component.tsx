import type { Page } from '@commonplan/domain';
import { Link, useLocation } from 'react-router';

interface PaginationProps {
  page: Page<unknown>;
  /** The query parameter holding this list's page, so one page can paginate two lists. */
  param?: string;
}

function ArrowLeft() {
  return (
    <svg
      className="nhsuk-icon nhsuk-icon--arrow-left"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z" />
    </svg>
  );
}

function ArrowRight() {
  return (
    <svg
      className="nhsuk-icon nhsuk-icon--arrow-right"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z" />
    </svg>
  );
}

/** Previous and next links for a paginated list; nothing when it fits on one page. */
export function Pagination({ page, param = 'page' }: PaginationProps) {
  const location = useLocation();
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (pageCount <= 1) return null;

  const linkTo = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target === 1) params.delete(param);
    else params.set(param, String(target));
    const search = params.toString();
    return { pathname: location.pathname, search: search ? `?${search}` : '' };
  };

  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label="Pagination">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {page.page > 1 ? (
          <li className="nhsuk-pagination-item--previous">
            <Link
              className="nhsuk-pagination__link nhsuk-pagination__link--prev"
              to={linkTo(page.page - 1)}
              rel="prev"
            >
              <span className="nhsuk-pagination__title">
                Previous<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page.page - 1} of {pageCount}
              </span>
              <ArrowLeft />
            </Link>
          </li>
        ) : null}
        {page.page < pageCount ? (
          <li className="nhsuk-pagination-item--next">
            <Link
              className="nhsuk-pagination__link nhsuk-pagination__link--next"
              to={linkTo(page.page + 1)}
              rel="next"
            >
              <span className="nhsuk-pagination__title">
                Next<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page.page + 1} of {pageCount}
              </span>
              <ArrowRight />
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
