import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { NhsLogo } from '../shared/components/site-header.component';
import { SiteFooter } from '../shared/components/site-footer.component';

/**
 * The frame of the public pages: the NHS header without an account area, and nothing that needs a
 * session: no request for who is signed in, no socket. After moving to another public page, focus
 * goes to the main content, as in the signed-in pages.
 */
export function PublicLayout() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <header className="nhsuk-header" role="banner">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <span className="nhsuk-header__service-logo">
              <NhsLogo />
              <span className="nhsuk-header__service-name">Commonplan: published plans</span>
            </span>
          </div>
        </div>
      </header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1} ref={main}>
          <Outlet />
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
