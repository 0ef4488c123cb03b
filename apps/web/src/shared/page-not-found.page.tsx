import { Link } from 'react-router';
import { useDocumentTitle } from './hooks/use-document-title.hook';

export function PageNotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Page not found</h1>
        <p className="nhsuk-body">If you typed the web address, check it is correct.</p>
        <p className="nhsuk-body">
          If you pasted the web address, check you copied the entire address.
        </p>
        <p className="nhsuk-body">
          <Link to="/">Go to your footprints</Link>
        </p>
      </div>
    </div>
  );
}
