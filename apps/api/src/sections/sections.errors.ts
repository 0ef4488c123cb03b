import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum SectionErrorCode {
  SectionNotFound = 'section_not_found',
  OrderMismatch = 'section_order_mismatch',
  AssigneeNotMember = 'assignee_not_member',
  AssigneeWrongRole = 'assignee_wrong_role',
  LeadOrganisationNotMember = 'lead_organisation_not_member',
}

const sectionErrors: Record<SectionErrorCode, ErrorDefinition> = {
  [SectionErrorCode.SectionNotFound]: {
    status: 404,
    message: 'There is no such section, or you do not have access to it.',
  },
  [SectionErrorCode.OrderMismatch]: {
    status: 400,
    message:
      'The new order must list every section of the plan exactly once. Reload the page and try again.',
  },
  [SectionErrorCode.AssigneeNotMember]: {
    status: 400,
    message: 'Everyone assigned must be a member of the footprint.',
  },
  [SectionErrorCode.AssigneeWrongRole]: {
    status: 400,
    message:
      'Authors must be leads or authors, and reviewers must be leads or reviewers, in this footprint.',
  },
  [SectionErrorCode.LeadOrganisationNotMember]: {
    status: 400,
    message: 'The lead organisation must be one of the footprint’s member organisations.',
  },
};

export const sectionError = errorFactory(sectionErrors);
