import type {
  CreatedInvitation,
  FootprintRole,
  InvitationPreview,
  InvitationView,
  Me,
  Page,
} from '@commonplan/domain';
import { apiClient, withQuery } from '../shared/api/api-client';

export interface NewInvitation {
  email: string;
  role: FootprintRole;
  organisationId?: string;
}

export interface InvitationAcceptance {
  name?: string;
  password: string;
}

const invitationsPath = (slug: string) => `/api/footprints/${encodeURIComponent(slug)}/invitations`;
const tokenPath = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

export function listInvitations(slug: string, page: number, signal?: AbortSignal) {
  return apiClient.get<Page<InvitationView>>(
    withQuery(invitationsPath(slug), { page, pageSize: 20 }),
    signal,
  );
}

export function createInvitation(slug: string, invitation: NewInvitation) {
  return apiClient.post<CreatedInvitation>(invitationsPath(slug), invitation);
}

export function revokeInvitation(slug: string, invitationId: string) {
  return apiClient.delete(`${invitationsPath(slug)}/${invitationId}`);
}

export function getInvitationPreview(token: string, signal?: AbortSignal) {
  return apiClient.get<InvitationPreview>(tokenPath(token), signal);
}

export function acceptInvitation(token: string, acceptance: InvitationAcceptance) {
  return apiClient.post<Me>(`${tokenPath(token)}/accept`, acceptance);
}
