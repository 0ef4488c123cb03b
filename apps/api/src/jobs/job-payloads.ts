import { JobName, type JobPayloads } from './job-names.js';

type FieldCheck = (value: unknown) => boolean;

/** One check per field of a payload type: the compiler says when a payload gains a field. */
type FieldChecks<T> = { readonly [K in keyof T]-?: FieldCheck };

const uuid: FieldCheck = (value) =>
  typeof value === 'string' &&
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

const text =
  (maxLength: number): FieldCheck =>
  (value) =>
    typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength;

/**
 * What each job's payload must hold, field by field, and nothing more. A job's data comes from
 * Redis, where anything may have put anything: checked before its handler runs, so a handler only
 * ever sees its own typed payload.
 */
const payloadFields: { readonly [N in JobName]: FieldChecks<JobPayloads[N]> } = {
  [JobName.MailSend]: { to: text(320), subject: text(998), text: text(1_000_000) },
  [JobName.SessionsPurge]: {},
  [JobName.DraftGenerate]: { draftId: uuid },
  [JobName.DailyWordsRecord]: {},
  [JobName.DraftSchedulesRun]: {},
  [JobName.DraftExport]: { exportId: uuid },
  [JobName.ConsultationContactsErase]: {},
};

/**
 * What is wrong with a job's payload, or null when it is what the job takes. The answer names
 * fields, never their values (an email address, say), so it can go into logs.
 */
export function payloadProblem(name: JobName, data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return 'the payload is not an object';
  const fields: Record<string, FieldCheck> = payloadFields[name];
  const given = data as Record<string, unknown>;
  for (const [field, valid] of Object.entries(fields))
    if (!valid(given[field])) return `${field} is missing or not valid`;
  const extra = Object.keys(given).filter((field) => !Object.hasOwn(fields, field));
  if (extra.length > 0)
    return `it has ${extra.length} field${extra.length === 1 ? '' : 's'} the job does not take`;
  return null;
}

/** Whether a job's data is the payload its name says, so it can be handed to the handler. */
export function isPayloadOf<N extends JobName>(name: N, data: unknown): data is JobPayloads[N] {
  return payloadProblem(name, data) === null;
}
