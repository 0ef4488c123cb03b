import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { SiteFooter } from './site-footer.component';
import { SiteHeader } from './site-header.component';

/**
 * Every page's frame. After moving to another page, focus goes to the main content (unless the
 * new page put it somewhere itself), so keyboard and screen reader users start at the top of it.
 */
export function PageLayout() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || !main.current?.contains(active)) {
      main.current?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }, [pathname]);

  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <SiteHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1} ref={main}>
          <Outlet />
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
