import {
  notificationKindLabels,
  type NotificationsPage,
  type NotificationView,
} from '@commonplan/domain';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Breadcrumbs } from '../shared/components/breadcrumbs.component';
import { ErrorSummary } from '../shared/components/error-summary.component';
import { LoadError } from '../shared/components/load-error.component';
import { LoadingMessage } from '../shared/components/loading-message.component';
import { Pagination } from '../shared/components/pagination.component';
import { toFormErrors, type FormError } from '../shared/forms/form-error';
import { formatDateTime } from '../shared/format/format';
import { useApiResource } from '../shared/hooks/use-api-resource.hook';
import { useDocumentTitle } from '../shared/hooks/use-document-title.hook';
import { usePageNumber } from '../shared/hooks/use-page-number.hook';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.api';
import { onNewNotification, setUnreadCount } from './unread-count';

const pageSize = 20;

/** My notifications, newest first: what each is about, a link to it, and marking it read. */
export function NotificationsPage() {
  const page = usePageNumber();
  const list = useApiResource<NotificationsPage>(`notifications:${page}`, (signal) =>
    listNotifications(page, pageSize, signal),
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  useDocumentTitle('Notifications', errors.length > 0);
  const { data, replace, reload } = list;

  // New ones arrive at the top of the first page as they happen.
  useEffect(
    () =>
      onNewNotification((message) => {
        if (page !== 1 || !data) return;
        replace({
          ...data,
          items: [message.notification as NotificationView, ...data.items].slice(0, pageSize),
          total: data.total + 1,
          unread: message.unread,
        });
      }),
    [page, data, replace],
  );

  if (list.error) return <LoadError error={list.error} what="your notifications" retry={reload} />;
  if (!data) return <LoadingMessage text="Loading notifications…" />;

  const markRead = async (notification: NotificationView) => {
    try {
      const { unread } = await markNotificationRead(notification.id);
      setUnreadCount(unread);
      replace({
        ...data,
        unread,
        items: data.items.map((item) =>
          item.id === notification.id ? { ...item, readAt: new Date().toISOString() } : item,
        ),
      });
    } catch (error) {
      setErrors(toFormErrors(error));
    }
  };

  const markAll = async () => {
    try {
      await markAllNotificationsRead();
      setUnreadCount(0);
      const now = new Date().toISOString();
      replace({
        ...data,
        unread: 0,
        items: data.items.map((item) => ({ ...item, readAt: item.readAt ?? now })),
      });
    } catch (error) {
      setErrors(toFormErrors(error));
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ text: 'Your footprints', to: '/' }]} />
      <ErrorSummary errors={errors} />
      <h1 className="nhsuk-heading-l">Notifications</h1>
      <p className="nhsuk-body" aria-live="polite">
        {data.unread === 0
          ? 'You have read all your notifications.'
          : `You have ${data.unread} unread ${data.unread === 1 ? 'notification' : 'notifications'}.`}
      </p>
      {data.unread > 0 ? (
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => void markAll()}
        >
          Mark all as read
        </button>
      ) : null}
      {data.total === 0 ? (
        <p className="nhsuk-body">
          Nothing yet. You will be told here when someone asks you to review a section, decides
          about a section of yours, or when a draft you asked for is ready.
        </p>
      ) : (
        <ul className="nhsuk-list app-notification-list">
          {data.items.map((notification) => (
            <li
              key={notification.id}
              className={`app-notification${notification.readAt ? '' : ' app-notification--unread'}`}
            >
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                <strong>{notification.readAt ? '' : 'Unread: '}</strong>
                {notificationKindLabels[notification.kind]} ·{' '}
                {formatDateTime(notification.createdAt)}
              </p>
              <p className="nhsuk-body nhsuk-u-margin-bottom-2">
                <Link
                  to={notification.link}
                  onClick={() => {
                    if (!notification.readAt) void markRead(notification);
                  }}
                >
                  {notification.text}
                </Link>
              </p>
              {notification.readAt ? null : (
                <button
                  className="app-link-button nhsuk-body-s"
                  type="button"
                  onClick={() => void markRead(notification)}
                >
                  Mark as read<span className="nhsuk-u-visually-hidden">: {notification.text}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data} />
    </>
  );
}
