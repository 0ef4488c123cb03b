import type { Me, SignInRequest } from '@commonplan/domain';
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
