import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum ConsultationErrorCode {
  PlanNotPublished = 'consultation_plan_not_published',
  NotFound = 'consultation_not_found',
  NoConsultation = 'consultation_none',
  NotOpenYet = 'consultation_not_open_yet',
  Closed = 'consultation_closed',
  InvalidDates = 'consultation_invalid_dates',
  FormTokenMissing = 'consultation_form_token_missing',
  FormExpired = 'consultation_form_expired',
  UnknownSection = 'consultation_unknown_section',
  RateLimited = 'consultation_rate_limited',
  ResponseNotFound = 'consultation_response_not_found',
}

const consultationErrors: Record<ConsultationErrorCode, ErrorDefinition> = {
  [ConsultationErrorCode.PlanNotPublished]: {
    status: 409,
    message: 'Publish a draft of this plan before opening a consultation on it.',
  },
  [ConsultationErrorCode.NotFound]: {
    status: 404,
    message: 'There is no published plan at this address. Check the link you were given.',
  },
  [ConsultationErrorCode.NoConsultation]: {
    status: 409,
    message: 'This plan is not open for consultation. Responses can be sent only while it is.',
  },
  [ConsultationErrorCode.NotOpenYet]: {
    status: 409,
    message: 'The consultation on this plan has not opened yet.',
  },
  [ConsultationErrorCode.Closed]: {
    status: 409,
    message: 'The consultation on this plan has closed, so it no longer takes responses.',
  },
  [ConsultationErrorCode.InvalidDates]: {
    status: 400,
    message: 'Enter the dates as YYYY-MM-DD, with the closing date on or after the opening date.',
  },
  [ConsultationErrorCode.FormTokenMissing]: {
    status: 400,
    message: 'Send the response from the consultation form: reload the page and try again.',
  },
  [ConsultationErrorCode.FormExpired]: {
    status: 400,
    message:
      'This form was opened too long ago. Copy your response, reload the page and send it again.',
  },
  [ConsultationErrorCode.UnknownSection]: {
    status: 400,
    message: 'Select a section of the published draft, or the whole draft.',
  },
  [ConsultationErrorCode.RateLimited]: {
    status: 429,
    message: 'Too many responses have been sent from here just now. Try again later.',
  },
  [ConsultationErrorCode.ResponseNotFound]: {
    status: 404,
    message: 'There is no such response to this plan.',
  },
};

export const consultationError = errorFactory(consultationErrors);
