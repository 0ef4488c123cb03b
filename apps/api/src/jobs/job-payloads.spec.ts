import { describe, expect, it } from '@jest/globals';
import { JobName } from './job-names.js';
import { isPayloadOf, payloadProblem } from './job-payloads.js';

const draftId = '6f1c1e3e-1111-4111-8111-111111111111';

describe('job payloads checked before a handler runs', () => {
  it('takes each job’s own payload', () => {
    expect(payloadProblem(JobName.DraftGenerate, { draftId })).toBeNull();
    expect(payloadProblem(JobName.DraftExport, { exportId: draftId })).toBeNull();
    expect(
      payloadProblem(JobName.MailSend, { to: 'a@example.nhs.uk', subject: 'Hi', text: 'Body' }),
    ).toBeNull();
    expect(payloadProblem(JobName.SessionsPurge, {})).toBeNull();
  });

  it('refuses data that is not an object', () => {
    for (const data of [null, undefined, 'draft', 42, [draftId]])
      expect(payloadProblem(JobName.DraftGenerate, data)).toBe('the payload is not an object');
  });

  it('names the field that is missing or wrong, never its value', () => {
    expect(payloadProblem(JobName.DraftGenerate, {})).toBe('draftId is missing or not valid');
    expect(payloadProblem(JobName.DraftGenerate, { draftId: 'not-a-draft' })).toBe(
      'draftId is missing or not valid',
    );
    const problem = payloadProblem(JobName.MailSend, { to: 'someone@example.nhs.uk', subject: 7 });
    expect(problem).toBe('subject is missing or not valid');
    expect(problem).not.toContain('someone');
  });

  it('refuses fields a job does not take, so a payload of another job is not mistaken for its own', () => {
    expect(payloadProblem(JobName.DraftGenerate, { draftId, exportId: draftId })).toBe(
      'it has 1 field the job does not take',
    );
    expect(payloadProblem(JobName.DailyWordsRecord, { draftId, x: 1 })).toBe(
      'it has 2 fields the job does not take',
    );
  });

  it('narrows valid data to the job’s payload type', () => {
    const data: unknown = { draftId };
    expect(isPayloadOf(JobName.DraftGenerate, data) && data.draftId).toBe(draftId);
    expect(isPayloadOf(JobName.DraftExport, data)).toBe(false);
  });
});
