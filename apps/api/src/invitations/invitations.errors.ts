import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum InvitationErrorCode {
  NotFound = 'invitation_not_found',
  AlreadyUsed = 'invitation_used',
  Revoked = 'invitation_revoked',
  Expired = 'invitation_expired',
  AlreadyMember = 'already_member',
  OrganisationNotMember = 'organisation_not_member',
  WrongPassword = 'invitation_wrong_password',
  NameRequired = 'name_required',
}

const invitationErrors: Record<InvitationErrorCode, ErrorDefinition> = {
  [InvitationErrorCode.NotFound]: {
    status: 404,
    message: 'This invitation link is not valid. Check you copied all of it, or ask for a new one.',
  },
  [InvitationErrorCode.AlreadyUsed]: {
    status: 409,
    message: 'This invitation has already been used. Sign in instead.',
  },
  [InvitationErrorCode.Revoked]: {
    status: 409,
    message:
      'This invitation was withdrawn. Ask the partnership lead for a new one if you still need access.',
  },
  [InvitationErrorCode.Expired]: {
    status: 410,
    message: 'This invitation has expired. Ask the partnership lead to send a new one.',
  },
  [InvitationErrorCode.AlreadyMember]: {
    status: 409,
    message: 'This person is already a member of the footprint.',
  },
  [InvitationErrorCode.OrganisationNotMember]: {
    status: 400,
    message: 'Choose one of the footprint’s member organisations.',
  },
  [InvitationErrorCode.WrongPassword]: {
    status: 401,
    message: 'You already have a Commonplan account: enter its password to accept.',
  },
  [InvitationErrorCode.NameRequired]: { status: 400, message: 'Enter your full name.' },
};

export const invitationError = errorFactory(invitationErrors);
