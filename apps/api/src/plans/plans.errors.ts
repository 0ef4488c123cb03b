import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum PlanErrorCode {
  PlanNotFound = 'plan_not_found',
  SlugTaken = 'plan_slug_taken',
  InvalidTransition = 'plan_invalid_transition',
  InvalidPeriod = 'plan_invalid_period',
}

const planErrors: Record<PlanErrorCode, ErrorDefinition> = {
  [PlanErrorCode.PlanNotFound]: {
    status: 404,
    message: 'There is no such plan, or you do not have access to it.',
  },
  [PlanErrorCode.SlugTaken]: {
    status: 409,
    message: 'This footprint already has a plan at this address. Choose another title or slug.',
  },
  [PlanErrorCode.InvalidTransition]: {
    status: 409,
    message: 'The plan cannot move to that status from where it is now.',
  },
  [PlanErrorCode.InvalidPeriod]: {
    status: 400,
    message:
      'The period must run from a planning year to the same or a later one, written like 2016/17.',
  },
};

export const planError = errorFactory(planErrors);
