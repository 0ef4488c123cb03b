import { useEffect, useId, useRef, type ReactNode } from 'react';

interface SuccessBannerProps {
  heading: ReactNode;
  children?: ReactNode;
  /** Move focus to the banner, so the outcome of an action is read out and seen. */
  focus?: boolean;
}

export function SuccessBanner({ heading, children, focus = true }: SuccessBannerProps) {
  const banner = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (focus) banner.current?.focus();
  }, [focus, heading]);
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={banner}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          Success
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
