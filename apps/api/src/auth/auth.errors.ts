import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum AuthErrorCode {
  InvalidCredentials = 'invalid_credentials',
  SignInLocked = 'sign_in_locked',
  NotSignedIn = 'not_signed_in',
  SessionExpired = 'session_expired',
  WeakPassword = 'weak_password',
  WrongCurrentPassword = 'wrong_current_password',
}

const authErrors: Record<AuthErrorCode, ErrorDefinition> = {
  [AuthErrorCode.InvalidCredentials]: {
    status: 401,
    message: 'The email address or password is not right. Check both and try again.',
  },
  [AuthErrorCode.SignInLocked]: {
    status: 429,
    message: 'Too many failed sign-ins for this email address. Wait a while, then try again.',
  },
  [AuthErrorCode.NotSignedIn]: { status: 401, message: 'Sign in to continue.' },
  [AuthErrorCode.SessionExpired]: {
    status: 401,
    message: 'Your session has ended. Sign in again to continue.',
  },
  [AuthErrorCode.WeakPassword]: {
    status: 400,
    message: 'Choose a password of at least 10 characters.',
  },
  [AuthErrorCode.WrongCurrentPassword]: {
    status: 400,
    message: 'Your current password is not right. Check it and try again.',
  },
};

export const authError = errorFactory(authErrors);
