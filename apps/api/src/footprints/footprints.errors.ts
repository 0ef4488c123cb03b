import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum FootprintErrorCode {
  FootprintNotFound = 'footprint_not_found',
  SlugTaken = 'footprint_slug_taken',
  AdminOnly = 'admin_only',
  MemberNotFound = 'member_not_found',
  LastLead = 'last_lead',
  OrganisationAlreadyMember = 'organisation_already_member',
  OdsCodeKindMismatch = 'ods_code_in_use',
}

const footprintErrors: Record<FootprintErrorCode, ErrorDefinition> = {
  [FootprintErrorCode.FootprintNotFound]: {
    status: 404,
    message: 'There is no footprint at this address, or you are not a member of it.',
  },
  [FootprintErrorCode.SlugTaken]: {
    status: 409,
    message: 'Another footprint already uses this address (slug).',
  },
  [FootprintErrorCode.AdminOnly]: {
    status: 403,
    message: 'Only the administrators of this Commonplan can do this.',
  },
  [FootprintErrorCode.MemberNotFound]: {
    status: 404,
    message: 'This person is not a member of the footprint.',
  },
  [FootprintErrorCode.LastLead]: {
    status: 409,
    message: 'A footprint must keep at least one lead. Make someone else a lead first.',
  },
  [FootprintErrorCode.OrganisationAlreadyMember]: {
    status: 409,
    message: 'This organisation is already a member of the footprint.',
  },
  [FootprintErrorCode.OdsCodeKindMismatch]: {
    status: 409,
    message: 'An organisation with this ODS code already exists under another name.',
  },
};

export const footprintError = errorFactory(footprintErrors);
