import { Link } from 'react-router';
import { useUnreadCount } from './unread-count';

/** The header's link to the notifications page, with how many are unread, kept current live. */
export function NotificationsLink({ userId }: { userId: string }) {
  const unread = useUnreadCount(userId);
  const count = unread ?? 0;
  return (
    <Link className="nhsuk-header__account-link app-notifications-link" to="/notifications">
      Notifications
      {count > 0 ? (
        <span className="app-notifications-badge" data-testid="unread-count">
          {count > 99 ? '99+' : count}
          <span className="nhsuk-u-visually-hidden"> unread</span>
        </span>
      ) : null}
    </Link>
  );
}
