/**
 * Public consultation on a published draft: who may respond, what a response must hold, and
 * whether a consultation is open on a given day. Shared so the public form checks exactly what
 * the API checks, and shows every problem at once.
 */

export const respondentTypes = ['patient', 'public', 'staff', 'organisation'] as const;
export type RespondentType = (typeof respondentTypes)[number];

export const respondentTypeLabels: Record<RespondentType, string> = {
  patient: 'A patient or carer',
  public: 'A member of the public',
  staff: 'Health or care staff',
  organisation: 'On behalf of an organisation',
};

/** `pending` until a lead decides; `spam` when the checks held it back (never counted). */
export const consultationResponseStatuses = ['pending', 'accepted', 'rejected', 'spam'] as const;
export type ConsultationResponseStatus = (typeof consultationResponseStatuses)[number];

export const consultationResponseStatusLabels: Record<ConsultationResponseStatus, string> = {
  pending: 'Waiting for a decision',
  accepted: 'Accepted',
  rejected: 'Rejected',
  spam: 'Held as spam',
};

export const consultationDecisions = ['accept', 'reject'] as const;
export type ConsultationDecision = (typeof consultationDecisions)[number];

export const responseBodyMinLength = 10;
export const responseBodyMaxLength = 5_000;
export const respondentNameMaxLength = 120;
export const organisationNameMaxLength = 200;
export const emailMaxLength = 254;

/** `not_open_yet` before the first day, `open` from the first to the last day, then `closed`. */
export const consultationStates = ['not_open_yet', 'open', 'closed'] as const;
export type ConsultationState = (typeof consultationStates)[number];

/** What a person sends from the public form. */
export interface ConsultationResponseInput {
  respondentType?: unknown;
  organisationName?: unknown;
  name?: unknown;
  email?: unknown;
  /** Absent or null: on the whole draft. */
  sectionId?: unknown;
  body?: unknown;
}

export interface FieldProblem {
  field: 'respondentType' | 'organisationName' | 'name' | 'email' | 'sectionId' | 'body';
  message: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function optionalText(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Characters as a person counts them (an emoji is one), which is what the form's counter shows. */
export function characterCount(text: string): number {
  return [...text].length;
}

/**
 * Every problem with a response, in the order the form shows its fields, each with a message
 * that says what to do. An empty list means it may be sent.
 */
export function consultationResponseProblems(input: ConsultationResponseInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const type = input.respondentType;
  if (typeof type !== 'string' || !(respondentTypes as readonly string[]).includes(type))
    problems.push({
      field: 'respondentType',
      message: 'Select who you are responding as',
    });
  const organisationName = optionalText(input.organisationName);
  if (organisationName === undefined)
    problems.push({ field: 'organisationName', message: 'Organisation name must be text' });
  else if (type === 'organisation' && organisationName === null)
    problems.push({
      field: 'organisationName',
      message: 'Enter the name of the organisation you are responding for',
    });
  else if (organisationName && characterCount(organisationName) > organisationNameMaxLength)
    problems.push({
      field: 'organisationName',
      message: `Organisation name must be ${organisationNameMaxLength} characters or fewer`,
    });
  const name = optionalText(input.name);
  if (name === undefined) problems.push({ field: 'name', message: 'Name must be text' });
  else if (name && characterCount(name) > respondentNameMaxLength)
    problems.push({
      field: 'name',
      message: `Name must be ${respondentNameMaxLength} characters or fewer`,
    });
  const email = optionalText(input.email);
  if (email === undefined) problems.push({ field: 'email', message: 'Email address must be text' });
  else if (email && (email.length > emailMaxLength || !emailPattern.test(email)))
    problems.push({
      field: 'email',
      message:
        'Enter an email address in the correct format, like name@example.com, or leave it empty',
    });
  const sectionId = input.sectionId;
  if (
    sectionId !== undefined &&
    sectionId !== null &&
    sectionId !== '' &&
    (typeof sectionId !== 'string' || !uuidPattern.test(sectionId))
  )
    problems.push({
      field: 'sectionId',
      message: 'Select a section of the draft, or the whole draft',
    });
  const body = typeof input.body === 'string' ? input.body.trim() : null;
  if (body === null || body === '')
    problems.push({ field: 'body', message: 'Enter your response' });
  else if (characterCount(body) < responseBodyMinLength)
    problems.push({
      field: 'body',
      message: `Your response must be at least ${responseBodyMinLength} characters`,
    });
  else if (characterCount(body) > responseBodyMaxLength)
    problems.push({
      field: 'body',
      message: `Your response must be ${responseBodyMaxLength.toLocaleString('en-GB')} characters or fewer`,
    });
  return problems;
}

/** Today's date in England (YYYY-MM-DD), where consultation dates are set. */
export function londonDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !datePattern.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * Whether a consultation takes responses at a moment: from the start of its first day to the end
 * of its last day in England, unless a lead closed it early.
 */
export function consultationStateAt(
  consultation: { opensOn: string; closesOn: string; closedEarlyAt: string | Date | null },
  at: Date,
): ConsultationState {
  if (consultation.closedEarlyAt !== null) return 'closed';
  const today = londonDate(at);
  if (today < consultation.opensOn) return 'not_open_yet';
  if (today > consultation.closesOn) return 'closed';
  return 'open';
}
