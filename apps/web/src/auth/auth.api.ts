import type { ChangePasswordRequest, Me, SignInRequest } from '@commonplan/domain';
import { apiClient } from '../shared/api/api-client';

export function signIn(request: SignInRequest): Promise<Me> {
  return apiClient.post<Me>('/api/auth/sign-in', request);
}

export function signOut(): Promise<void> {
  return apiClient.post<void>('/api/auth/sign-out');
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiClient.get<Me>('/api/auth/me', signal);
}

/** Ends every session of the signed-in person, on every device. */
export function signOutEverywhere(): Promise<void> {
  return apiClient.post<void>('/api/auth/sign-out-everywhere');
}

/** Changes the password; the API ends every other session and gives this browser a new cookie. */
export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return apiClient.post<void>('/api/auth/password', request);
}
