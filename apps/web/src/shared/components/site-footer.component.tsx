export function SiteFooter() {
  return (
    <footer role="contentinfo">
      <div className="nhsuk-footer">
        <div className="nhsuk-width-container">
          <div className="nhsuk-footer__meta">
            <p className="nhsuk-body-s">
              Commonplan: planning together for health and care partnerships in England.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
