import { Link } from 'react-router';

export interface Crumb {
  text: string;
  to: string;
}

/** Where this page sits; on small screens the design system shows only a link back to the last crumb. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  if (items.length === 0) return null;
  const parent = items[items.length - 1]!;
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.to}>
            <Link className="nhsuk-breadcrumb__link" to={item.to}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
      <Link className="nhsuk-back-link" to={parent.to}>
        <span className="nhsuk-u-visually-hidden">Back to </span>
        {parent.text}
      </Link>
    </nav>
  );
}
