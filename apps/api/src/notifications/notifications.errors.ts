import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum NotificationErrorCode {
  NotificationNotFound = 'notification_not_found',
}

const notificationErrors: Record<NotificationErrorCode, ErrorDefinition> = {
  [NotificationErrorCode.NotificationNotFound]: {
    status: 404,
    message: 'There is no such notification for you. It may have been removed with its plan.',
  },
};

export const notificationError = errorFactory(notificationErrors);
